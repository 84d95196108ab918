using System.Text;
using AiChangeInsights.Warehouse;
using AiChangeInsights.Warehouse.Ingest;
using Dapper;

namespace AiChangeInsights.Tests;

/// <summary>A fresh warehouse in its own temporary folder: no test sees another test's rows.</summary>
public sealed class TestWarehouse : IDisposable
{
    public const string Secret = "test-site-secret-0123456789";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "aci-test-" + Guid.NewGuid().ToString("N"));
    public Warehouse.Warehouse Warehouse { get; private set; }
    public Importer Importer { get; private set; }

    public TestWarehouse() : this(copyOf: null)
    {
    }

    /// <summary>
    /// A fresh warehouse that starts as a copy of another's folder, closed with <see cref="Close"/>: no migrations to
    /// run, for tests that need many warehouses in the same starting state (the hostile-file corpus).
    /// </summary>
    public static TestWarehouse CopyOf(string folder) => new(folder);

    TestWarehouse(string? copyOf)
    {
        if (copyOf is not null)
        {
            Directory.CreateDirectory(Folder);
            foreach (var file in Directory.GetFiles(copyOf)) System.IO.File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }
        Warehouse = Open();
        Importer = new Importer(Warehouse);
    }

    Warehouse.Warehouse Open() => AiChangeInsights.Warehouse.Warehouse.Open(new WarehouseOptions { DataFolder = Folder, SiteSecret = Secret });

    /// <summary>Closes and reopens the file, as a restart of the server would.</summary>
    public void Reopen()
    {
        Warehouse.Dispose();
        Warehouse = Open();
        Importer = new Importer(Warehouse);
    }

    /// <summary>
    /// What the usage importer records beside rows that a test writes straight into raw_usage: each import's days per tool,
    /// from its first to its last row (data_coverage reads them to tell a missing export from a month without use).
    /// </summary>
    public const string RecordUsageWindows = """
        insert into raw_usage_window select import_id, tool, min(usage_date), max(usage_date), 'rows' from raw_usage group by all;
        """;

    public ImportSummary Import(string path, ImportRequest? request = null) => Importer.Import(path, request ?? new ImportRequest());

    /// <summary>Writes a file for a test into the warehouse's folder (UTF-8 without BOM unless told).</summary>
    public string File(string name, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(Folder, "files", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string File(string name, byte[] content)
    {
        var path = Path.Combine(Folder, "files", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public T Scalar<T>(string sql, object? parameters = null) => Warehouse.Read(c => c.ExecuteScalar<T>(sql, parameters)!);

    public List<T> Query<T>(string sql, object? parameters = null) => Warehouse.Read(c => c.Query<T>(sql, parameters).ToList());

    /// <summary>Row counts of every data table (raw, person, marts): what "the warehouse is exactly as before" compares.</summary>
    public Dictionary<string, long> DataCounts() => Warehouse.Read(c =>
    {
        var tables = c.Query<string>("""
            select table_name from duckdb_tables()
            where schema_name = 'main' and not temporary
              and table_name not in ('import_history', 'import_rejected_row', 'audit_log', 'schema_version', 'derived_object')
            order by table_name
            """).ToList();
        return tables.ToDictionary(t => t, t => c.ExecuteScalar<long>($"select count(*) from {t}"));
    });

    /// <summary>Releases the file (for a server or a child process to open it); the folder stays until Dispose.</summary>
    public void Close() => Warehouse.Dispose();

    public void Dispose()
    {
        Warehouse.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The repository's root (where AiChangeInsights.sln lives), for seed-data/ and sql/.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string SeedData => Path.Combine(Root, "seed-data");

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "AiChangeInsights.sln"))) return dir.FullName;
        throw new InvalidOperationException("AiChangeInsights.sln not found above " + AppContext.BaseDirectory);
    }
}
