using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using DuckDB.NET.Data;

namespace AiChangeInsights.Warehouse.Sql;

/// <summary>
/// The sql/ folder, applied in layer order: schema (numbered migrations, applied once and recorded),
/// staging (views over raw tables), marts (the star schema, materialised), kpi (the contract views).
/// A view or mart file holds one SELECT; its file name is the object's name.
/// </summary>
public sealed partial class SqlCatalog
{
    // Declared before Embedded: static initialisers run in text order.
    static readonly string[] DerivedLayers = ["staging", "marts", "kpi"];

    public static SqlCatalog Embedded { get; } = FromAssembly(typeof(SqlCatalog).Assembly);

    public IReadOnlyList<SqlFile> Migrations { get; }

    /// <summary>Staging, mart and KPI objects in an order where every object comes after what it reads.</summary>
    public IReadOnlyList<SqlFile> Derived { get; }

    readonly Dictionary<string, SqlFile> derivedByName;

    /// <summary>The names another derived object reads: only their changes matter to a refresh.</summary>
    readonly HashSet<string> readByOthers;

    SqlCatalog(IEnumerable<SqlFile> files)
    {
        var all = files.ToList();
        Migrations = all.Where(f => f.Layer == "schema").OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        derivedByName = all.Where(f => DerivedLayers.Contains(f.Layer)).ToDictionary(f => f.Name);
        Derived = DependencyOrder(derivedByName);
        readByOthers = Derived.SelectMany(f => f.References.Where(r => r != f.Name)).ToHashSet();
    }

    /// <summary>A catalog of given files (tests of the catalog itself).</summary>
    internal static SqlCatalog FromFiles(IEnumerable<SqlFile> files) => new(files);

    public static SqlCatalog FromAssembly(Assembly assembly)
    {
        var files = new List<SqlFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("sql/", StringComparison.Ordinal)))
        {
            var parts = name.Split('/');
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files.Add(new SqlFile(parts[1], Path.GetFileNameWithoutExtension(parts[^1]), reader.ReadToEnd()));
        }
        return new SqlCatalog(files);
    }

    public SqlFile this[string name] => derivedByName[name];

    /// <summary>Applies pending migrations, recreates views and rebuilds marts whose definition changed.</summary>
    /// <returns>The schema version: the number of the newest migration.</returns>
    public int Apply(DuckDBConnection connection)
    {
        connection.Execute("""
            create table if not exists schema_version (
                version integer primary key, file varchar not null, checksum varchar not null, applied_at timestamp not null);
            create table if not exists derived_object (
                name varchar primary key, layer varchar not null, checksum varchar not null, built_at timestamp not null);
            """);

        var applied = connection.Query<(int Version, string File, string Checksum)>(
            "select version, file, checksum from schema_version").ToDictionary(r => r.Version);
        foreach (var migration in Migrations)
        {
            var version = MigrationVersion(migration.Name);
            if (applied.TryGetValue(version, out var done))
            {
                if (done.Checksum != migration.Checksum)
                    throw new InvalidOperationException($"sql/schema/{migration.Name}.sql changed after it was applied; add a new migration instead.");
                continue;
            }
            using var transaction = connection.BeginTransaction();
            connection.Execute(migration.Text, transaction: transaction);
            connection.Execute("insert into schema_version values ($version, $file, $checksum, now())",
                new { version, file = migration.Name, checksum = migration.Checksum }, transaction);
            transaction.Commit();
        }

        KpiDefinitions.Write(connection, Derived.Where(f => f.Layer == "kpi" && f.Header.ContainsKey("kpi")));

        var built = connection.Query<(string Name, string Checksum)>("select name, checksum from derived_object")
            .ToDictionary(r => r.Name, r => r.Checksum);
        var existingTables = connection.Query<string>("select table_name from duckdb_tables() where schema_name = 'main'").ToHashSet();
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var file in Derived)
            {
                var checksum = DefinitionChecksum(file);
                var current = built.TryGetValue(file.Name, out var c) && c == checksum;
                if (file.Materialised && current && existingTables.Contains(file.Name)) continue;
                Build(connection, transaction, file, checksum);
            }
            connection.Execute("delete from derived_object where name not in $names",
                new { names = Derived.Select(f => f.Name).ToArray() }, transaction);
            transaction.Commit();
        }

        return Migrations.Count == 0 ? 0 : Migrations.Max(m => MigrationVersion(m.Name));
    }

    /// <summary>
    /// Rebuilds every materialised object that reads, directly or through views, one of <paramref name="changedTables"/>,
    /// and then what reads those, but only when their rows really changed: a month's usage moves
    /// <c>dim_organisation.last_usage_date</c>, which every person mart reads through <c>dim_person</c>, yet leaves
    /// <c>dim_person</c> as it was, so the survey and activity marts need not be made again (at 5,000 people 1.7 s of an
    /// import's 2.4 s refresh). The definitions are current (<see cref="Apply"/> built them when the warehouse opened), so
    /// only the rows are made again.
    /// </summary>
    public void RefreshMarts(DuckDBConnection connection, System.Data.IDbTransaction transaction, IReadOnlyCollection<string> changedTables)
    {
        var changed = new HashSet<string>(changedTables);
        var rebuilt = new List<string>();
        foreach (var file in Derived) // in dependency order: what a file reads has been decided before it
        {
            if (!file.References.Any(r => r != file.Name && changed.Contains(r))) continue;
            if (!file.Materialised)
            {
                changed.Add(file.Name); // a view shows its inputs' changes
                continue;
            }
            rebuilt.Add(file.Name);
            // Only what others read needs comparing, and only a small table is kept to compare with: a large one counts as
            // changed (comparing would cost a second build). Another count of rows is a change without comparing the rows
            // (a survey's new wave: half the mart's rebuild time); an empty mart changed when it gains rows.
            var rowsBefore = readByOthers.Contains(file.Name)
                ? connection.ExecuteScalar<long>($"select count(*) from (select 1 from {file.Name} limit {ComparedRows + 1})", transaction: transaction)
                : long.MaxValue;
            var compare = rowsBefore is > 0 and <= ComparedRows;
            if (compare) connection.Execute($"create or replace temp table refresh_before as select * from {file.Name}", transaction: transaction);
            connection.Execute($"create or replace table {file.Name} as\n{file.Text}", transaction: transaction);
            var rowsChanged = rowsBefore > ComparedRows
                || connection.ExecuteScalar<long>($"select count(*) from {file.Name}", transaction: transaction) != rowsBefore
                || compare && connection.ExecuteScalar<bool>($"""
                    select exists (select * from {file.Name} except all select * from refresh_before)
                        or exists (select * from refresh_before except all select * from {file.Name})
                    """, transaction: transaction);
            if (compare) connection.Execute("drop table refresh_before", transaction: transaction);
            if (rowsChanged) changed.Add(file.Name);
        }
        connection.Execute("update derived_object set built_at = now() where name in $names", new { names = rebuilt.ToArray() }, transaction);
    }

    /// <summary>Up to this many rows a rebuilt mart is compared with its old rows (dim_person of 50,000 people: a few ms).</summary>
    const int ComparedRows = 100_000;

    static void Build(DuckDBConnection connection, System.Data.IDbTransaction transaction, SqlFile file, string checksum)
    {
        var kind = file.Materialised ? "table" : "view";
        // An object that changed between view and table (a view materialised for speed) is dropped first.
        var existing = connection.ExecuteScalar<string?>("""
            select 'table' from duckdb_tables() where schema_name = 'main' and table_name = $name
            union all
            select 'view' from duckdb_views() where schema_name = 'main' and view_name = $name and not internal
            """, new { name = file.Name }, transaction);
        if (existing is not null && existing != kind) connection.Execute($"drop {existing} {file.Name}", transaction: transaction);
        try
        {
            connection.Execute($"create or replace {kind} {file.Name} as\n{file.Text}", transaction: transaction);
        }
        catch (DuckDBException e)
        {
            throw new InvalidOperationException($"sql/{file.Layer}/{file.Name}.sql: {e.Message}", e);
        }
        connection.Execute("""
            insert or replace into derived_object values ($name, $layer, $checksum, now())
            """, new { name = file.Name, layer = file.Layer, checksum }, transaction);
    }

    string DefinitionChecksum(SqlFile file)
    {
        // A mart must rebuild when anything upstream changed, not only its own text.
        var text = new StringBuilder(file.Text);
        foreach (var reference in file.References.Order(StringComparer.Ordinal))
            if (reference != file.Name && derivedByName.TryGetValue(reference, out var upstream)) text.Append(DefinitionChecksum(upstream));
        return Sha256(text.ToString());
    }

    static List<SqlFile> DependencyOrder(Dictionary<string, SqlFile> files)
    {
        var ordered = new List<SqlFile>();
        var state = new Dictionary<string, bool>(); // false: visiting, true: done
        void Visit(SqlFile file, Stack<string> path)
        {
            if (state.TryGetValue(file.Name, out var done))
            {
                if (!done) throw new InvalidOperationException($"sql/: circular reference {string.Join(" -> ", path.Reverse())} -> {file.Name}");
                return;
            }
            state[file.Name] = false;
            path.Push(file.Name);
            foreach (var reference in file.References.Order(StringComparer.Ordinal))
                if (reference != file.Name && files.TryGetValue(reference, out var upstream)) Visit(upstream, path);
            path.Pop();
            state[file.Name] = true;
            ordered.Add(file);
        }
        foreach (var file in files.Values.OrderBy(f => Array.IndexOf(DerivedLayers, f.Layer)).ThenBy(f => f.Name, StringComparer.Ordinal))
            Visit(file, new Stack<string>());
        return ordered;
    }

    static int MigrationVersion(string name) =>
        int.TryParse(name.Split('_')[0], out var v) ? v : throw new InvalidOperationException($"sql/schema/{name}.sql must start with a number: NNNN_<verb>_<object>.sql");

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"\b[a-z_][a-z0-9_]*\b")]
    internal static partial Regex Identifier();

    [GeneratedRegex(@"'[^']*'")]
    internal static partial Regex Literal();
}

public sealed record SqlFile(string Layer, string Name, string Text)
{
    public string Checksum { get; } = SqlCatalog.Sha256(Text);

    /// <summary>The "-- key: value" lines that open the file (grain, kpi metadata, materialise).</summary>
    public IReadOnlyDictionary<string, string> Header { get; } = Text.Split('\n')
        .TakeWhile(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal))
        .Select(l => l.TrimStart()[2..].Trim())
        .Where(l => l.Contains(':'))
        .Select(l => (Key: l[..l.IndexOf(':')].Trim(), Value: l[(l.IndexOf(':') + 1)..].Trim()))
        .Where(p => p.Key.Length > 0 && p.Key.All(c => char.IsAsciiLetterLower(c) || c == '_'))
        .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);

    /// <summary>
    /// Marts are tables unless "-- materialise: view" says a copy buys nothing; a KPI-layer view becomes one with
    /// "-- materialise: table" (for speed), refreshed like a mart.
    /// </summary>
    public bool Materialised => Header.TryGetValue("materialise", out var m) ? m == "table" : Layer == "marts";

    /// <summary>Identifiers the SQL mentions outside comments and string literals; the catalog keeps those that name objects.</summary>
    public IReadOnlySet<string> References { get; } = SqlCatalog.Identifier()
        .Matches(SqlCatalog.Literal().Replace(string.Join('\n', Text.Split('\n').Select(l => l.Split("--")[0])), "''").ToLowerInvariant())
        .Select(m => m.Value).ToHashSet();
}
