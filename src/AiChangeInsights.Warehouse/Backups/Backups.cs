using System.Globalization;
using System.Text.Json;
using AiChangeInsights.Warehouse.Privacy;
using Dapper;
using DuckDB.NET.Data;

namespace AiChangeInsights.Warehouse.Backups;

/// <summary>
/// Backups of the warehouse as DuckDB's EXPORT DATABASE to Parquet (also the hand-off format to a distributed
/// engine), one folder per backup under the data folder's backups/, with the site secret beside it (without it
/// new imports would not join the restored people) and a manifest of every table's row count and checksum.
/// Restore = IMPORT DATABASE into a new file. The newest <c>keep</c> backups are kept.
/// </summary>
public sealed class Backups(Warehouse warehouse)
{
    public const string Manifest = "manifest.json";

    public sealed record Backup(string Name, string Folder, DateTime CreatedUtc, long Bytes, int SchemaVersion);

    public sealed record TableState(string Table, long Rows, string Checksum);

    public string Folder => Path.Combine(warehouse.DataFolder, "backups");

    /// <summary>Writes a backup now (imports wait: it holds the write gate) and removes those beyond <paramref name="keep"/>.</summary>
    public Backup Create(DateTime utcNow, int keep)
    {
        var name = $"warehouse-{utcNow:yyyyMMdd-HHmmss}";
        var folder = Path.Combine(Folder, name);
        if (Directory.Exists(folder)) throw new InvalidOperationException($"Backup {name} exists already.");
        var partial = folder + ".partial";
        Directory.CreateDirectory(Folder);
        warehouse.Write(connection =>
        {
            connection.Execute($"export database '{partial.Replace("'", "''")}' (format parquet)");
            var state = States(connection);
            File.WriteAllText(Path.Combine(partial, Manifest), JsonSerializer.Serialize(new
            {
                created_utc = utcNow, schema_version = warehouse.SchemaVersion, tables = state,
            }, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        });
        var secret = Path.Combine(warehouse.DataFolder, SiteSecret.FileName);
        if (File.Exists(secret)) CopyPrivately(secret, Path.Combine(partial, SiteSecret.FileName));
        // Only a complete backup gets its final name: a crash half-way leaves a .partial folder, never a broken backup.
        Directory.Move(partial, folder);
        foreach (var old in List().Skip(Math.Max(1, keep))) Directory.Delete(old.Folder, recursive: true);
        return Describe(folder)!;
    }

    public IReadOnlyList<Backup> List() => !Directory.Exists(Folder)
        ? []
        : Directory.EnumerateDirectories(Folder, "warehouse-*").Where(d => !d.EndsWith(".partial", StringComparison.Ordinal))
            .Select(Describe).OfType<Backup>().OrderByDescending(b => b.CreatedUtc).ToList();

    static Backup? Describe(string folder)
    {
        var manifest = Path.Combine(folder, Manifest);
        if (!File.Exists(manifest)) return null;
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        var bytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length);
        return new Backup(Path.GetFileName(folder), folder, json.RootElement.GetProperty("created_utc").GetDateTime(), bytes,
            json.RootElement.GetProperty("schema_version").GetInt32());
    }

    /// <summary>Row count and checksum of every table of the warehouse (the manifest, and how a restore is checked).</summary>
    public static IReadOnlyList<TableState> States(DuckDBConnection connection)
    {
        var tables = connection.Query<string>(
            "select table_name from duckdb_tables() where schema_name = 'main' and database_name = current_database() order by table_name").ToList();
        return tables.Select(table => connection.QuerySingle<TableState>($"""
            select '{table}' as "Table", count(*) as Rows, coalesce(sum(hash(t)), 0)::varchar as Checksum from "{table}" t
            """)).ToList();
    }

    /// <summary>
    /// Restores a backup into a new warehouse file (refused when the file exists) and puts the site secret beside it
    /// when the data folder has none yet. Returns the restored tables' states, to compare with the manifest.
    /// </summary>
    public static IReadOnlyList<TableState> Restore(string backupFolder, string databasePath)
    {
        if (!File.Exists(Path.Combine(backupFolder, Manifest)))
            throw new ArgumentException($"{backupFolder} is not a complete backup (no {Manifest}).");
        if (File.Exists(databasePath))
            throw new InvalidOperationException($"{databasePath} exists: restore into a new file (move the old one away first).");
        var dataFolder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        Directory.CreateDirectory(dataFolder);
        using (var connection = new DuckDBConnection($"Data Source={databasePath}"))
        {
            connection.Open();
            connection.Execute($"import database '{Path.GetFullPath(backupFolder).Replace("'", "''")}'");
            var restored = States(connection);
            var secret = Path.Combine(backupFolder, SiteSecret.FileName);
            var target = Path.Combine(dataFolder, SiteSecret.FileName);
            if (File.Exists(secret) && !File.Exists(target)) CopyPrivately(secret, target);
            connection.Execute("checkpoint");
            return restored;
        }
    }

    /// <summary>The manifest's table states, as written at backup time.</summary>
    public static IReadOnlyList<TableState> ManifestStates(string backupFolder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(backupFolder, Manifest)));
        return json.RootElement.GetProperty("tables").EnumerateArray()
            .Select(t => new TableState(t.GetProperty("Table").GetString()!, t.GetProperty("Rows").GetInt64(), t.GetProperty("Checksum").GetString()!)).ToList();
    }

    static void CopyPrivately(string source, string target)
    {
        File.Copy(source, target, overwrite: false);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public static string Size(long bytes) => bytes >= 1 << 20
        ? (bytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " KB";
}
