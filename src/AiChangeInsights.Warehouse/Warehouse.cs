using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AiChangeInsights.Warehouse.Privacy;
using AiChangeInsights.Warehouse.Sql;
using Dapper;
using DuckDB.NET.Data;

namespace AiChangeInsights.Warehouse;

/// <summary>
/// Owns the one DuckDB file. DuckDB lets a single process hold the file, so the web app and the CLI each
/// open it through this class; writes (imports, undo, settings) are serialised, readers get their own
/// connections to the same database instance and read committed snapshots while an import runs.
/// </summary>
public sealed partial class Warehouse : IDisposable
{
    public const string DatabaseFileName = "warehouse.duckdb";

    readonly DuckDBConnection root;
    readonly SemaphoreSlim writeGate = new(1, 1);
    readonly ConcurrentBag<DuckDBConnection> idleReaders = new();
    bool disposed;

    public string DataFolder { get; }
    public string DatabasePath { get; }
    public Pseudonymiser Pseudonymiser { get; }
    public int SchemaVersion { get; }

    /// <summary>Grows with every write (import, undo, settings): caches of query results key on it.</summary>
    public long DataVersion => Interlocked.Read(ref dataVersion);

    long dataVersion;

    Warehouse(string dataFolder, string databasePath, DuckDBConnection root, Pseudonymiser pseudonymiser, int schemaVersion)
    {
        DataFolder = dataFolder;
        DatabasePath = databasePath;
        this.root = root;
        Pseudonymiser = pseudonymiser;
        SchemaVersion = schemaVersion;
    }

    // Columns are snake_case (import_id), C# names PascalCase (ImportId): let Dapper match them.
    static Warehouse() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    /// <summary>Opens (or creates) the warehouse in <paramref name="options"/>.DataFolder and applies sql/.</summary>
    public static Warehouse Open(WarehouseOptions options)
    {
        var dataFolder = Path.GetFullPath(options.DataFolder);
        Directory.CreateDirectory(dataFolder);
        var databasePath = Path.GetFullPath(options.DatabasePath ?? Path.Combine(dataFolder, DatabaseFileName));
        var secret = SiteSecret.LoadOrCreate(dataFolder, options.SiteSecret);

        var connection = new DuckDBConnection($"Data Source={databasePath}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException e) when (e.Message.Contains("Could not set lock", StringComparison.Ordinal))
        {
            connection.Dispose();
            throw new WarehouseInUseException(databasePath, LockHolderPid(e.Message));
        }

        try
        {
            // Extensions cannot be downloaded here (nor, by policy, on a customer's server): never try.
            connection.Execute("set autoinstall_known_extensions = false; set autoload_known_extensions = false;");
            // One time base: now() in SQL and DateTime.UtcNow in C# both store UTC, whatever the server's zone.
            connection.Execute("set global TimeZone = 'UTC'");
            // DuckDB's own default is 80% of the machine; bounded, an import spills its big intermediate tables to
            // the database's .tmp folder instead of growing the process (a 1M-row CSV: 580 MB peak unbounded, 440 MB).
            if (options.MemoryLimit is { } limit) connection.Execute($"set global memory_limit = '{limit.Replace("'", "''")}'");
            var version = SqlCatalog.Embedded.Apply(connection);
            return new Warehouse(dataFolder, databasePath, connection, new Pseudonymiser(secret), version);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs a read on a pooled connection; many reads run at once, beside a running import.</summary>
    public T Read<T>(Func<DuckDBConnection, T> query)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!idleReaders.TryTake(out var connection)) connection = Connect();
        try
        {
            return query(connection);
        }
        finally
        {
            idleReaders.Add(connection);
        }
    }

    /// <summary>
    /// Runs a write on its own connection (its temp tables vanish with it) while holding the write gate:
    /// one import, undo or settings change at a time.
    /// </summary>
    public T Write<T>(Func<DuckDBConnection, T> work, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        writeGate.Wait(cancellationToken);
        try
        {
            using var connection = Connect();
            return work(connection);
        }
        finally
        {
            Interlocked.Increment(ref dataVersion);
            writeGate.Release();
        }
    }

    /// <summary>
    /// A small bookkeeping write (audit log, import queue) that touches no table an import, undo or settings change
    /// writes: it commits on its own beside a running import instead of waiting for the write gate, so an export
    /// or an upload never waits for a long file. DuckDB lets transactions on other tables commit concurrently.
    /// </summary>
    public T Record<T>(Func<DuckDBConnection, T> work)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return Read(work);
    }

    /// <summary>Another connection to the same database instance (DuckDB.NET shares one instance per file in a process).</summary>
    DuckDBConnection Connect()
    {
        var connection = new DuckDBConnection(root.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Rebuilds the marts (and materialised views) that read <paramref name="changedTables"/>, in one transaction:
    /// after an undo, a settings change or a fixture written straight into raw tables.
    /// </summary>
    public void Refresh(params string[] changedTables) => Write(connection =>
    {
        using var transaction = connection.BeginTransaction();
        SqlCatalog.Embedded.RefreshMarts(connection, transaction, changedTables);
        transaction.Commit();
        return 0;
    });

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        writeGate.Wait();
        while (idleReaders.TryTake(out var reader)) reader.Dispose();
        root.Execute("checkpoint");
        root.Dispose();
        writeGate.Dispose();
    }

    static int? LockHolderPid(string message)
    {
        var match = PidPattern().Match(message);
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"PID (\d+)")]
    private static partial Regex PidPattern();
}

public sealed record WarehouseOptions
{
    /// <summary>Folder for the DuckDB file, the site secret, uploads and backups.</summary>
    public required string DataFolder { get; init; }

    /// <summary>Optional explicit DuckDB file (aci --db); defaults to DataFolder/warehouse.duckdb.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Site secret from configuration; when absent one is created in the data folder (mode 600).</summary>
    public string? SiteSecret { get; init; }

    public const string DefaultMemoryLimit = "256MB";

    /// <summary>DuckDB's memory_limit for the whole process (reads and imports); null leaves DuckDB's default.</summary>
    public string? MemoryLimit { get; init; } = DefaultMemoryLimit;

    /// <summary>The data folder of an explicit database file: the secret lives beside it.</summary>
    public static WarehouseOptions ForDatabaseFile(string databasePath, string? siteSecret = null) => new()
    {
        DataFolder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!,
        DatabasePath = databasePath,
        SiteSecret = siteSecret,
    };
}

/// <summary>Another process (normally the running server) holds the DuckDB file.</summary>
public sealed class WarehouseInUseException(string databasePath, int? pid, string? hint = null)
    : Exception($"The warehouse {databasePath} is in use by another process{(pid is null ? "" : $" (PID {pid})")}, " +
                "normally the running dashboard server: stop it first, or upload through the server (Imports page or POST /api/imports)." +
                (hint is null ? "" : " " + hint))
{
    public string DatabasePath { get; } = databasePath;
    public int? Pid { get; } = pid;
}
