using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AiChangeInsights.Warehouse;
using AiChangeInsights.Warehouse.Demo;
using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Cli;

/// <summary>The aci command line: the same importers and views as the web app, on the same warehouse file.</summary>
public static class Aci
{
    public const int Ok = 0, SomeRejected = 1, BadUsage = 2, WarehouseBusy = 3;

    internal static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    const string Help = """
        aci - AiChangeInsights command line

          aci import FILE... [--db PATH] [--source auto|roster|usage|training|survey|activities|business_metrics|ideas|support_tickets|maturity]
                             [--locale auto|nl|en-US|en-GB|de|iso] [--tool NAME] [--survey NAME] [--course NAME] [--json]
                             [--progress]     (stage and percent on stderr, for long files)
                             [--server URL]   (used with ACI_API_KEY when the server holds the warehouse)
          aci sql "SELECT ..." [--db PATH] [--format csv|json]
          aci seed [--db PATH] [--scale demo|large|stress] [--seed-data DIR]
          aci generate [--scale demo|large|stress] [--out DIR]
          aci bench [--db PATH | --scale demo|large|stress] [--runs N]     views and chart queries
          aci bench --server URL [--runs N]                                 pages over HTTP and in Chromium
          aci bench import [--rows N] [--runs N] [--xlsx-rows N]
          aci bench all [--runs N] [--import-runs N] [--scales demo,large,stress] [--web WEB_DLL] [--repo DIR] [--readme FILE]
          aci backup [--db PATH] [--keep N]
          aci restore BACKUP_FOLDER --db NEW_PATH
          aci export --report quarterly --quarter 2025Q4 [--db PATH] [--out FILE] [--lang en|nl]
                             (default --out: the reports folder beside the warehouse, as the web app keeps them)

        --db defaults to data/warehouse.duckdb. Exit codes: 0 ok, 1 a file was rejected, 2 usage error, 3 warehouse in use.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        try
        {
            var arguments = Arguments.Parse(args, new HashSet<string> { "json", "help", "progress" });
            return arguments.Command switch
            {
                "import" => Import(arguments, output, errors),
                "sql" => SqlCommand.Run(arguments, output),
                "seed" => Seed(arguments, output),
                "generate" => Generate(arguments, output),
                "bench" => Bench.Run(arguments, output),
                "backup" => Backup(arguments, output),
                "restore" => Restore(arguments, output),
                "export" => ExportCommand.Run(arguments, output),
                "help" or "--help" or "-h" => Print(output, Help, Ok),
                _ => throw new UsageException($"unknown command '{arguments.Command}'"),
            };
        }
        catch (UsageException e)
        {
            errors.WriteLine($"aci: {e.Message}");
            errors.WriteLine("Run 'aci help' for usage.");
            return BadUsage;
        }
        catch (ArgumentException e)
        {
            errors.WriteLine($"aci: {e.Message}");
            return BadUsage;
        }
        catch (WarehouseInUseException e)
        {
            errors.WriteLine($"aci: {e.Message}");
            return WarehouseBusy;
        }
    }

    static int Import(Arguments arguments, TextWriter output, TextWriter errors)
    {
        arguments.Allow("db", "source", "locale", "tool", "survey", "course", "json", "server", "progress");
        if (arguments.Values.Count == 0) throw new UsageException("import needs at least one FILE");
        _ = Locales.Find(arguments.Option("locale"));
        if (arguments.Option("source") is { } s && s != "auto") _ = SourceCatalog.Find(s);
        var options = new ImportRequest
        {
            Source = arguments.Option("source"),
            Locale = arguments.Option("locale") ?? "auto",
            Tool = arguments.Option("tool"),
            Survey = arguments.Option("survey"),
            Course = arguments.Option("course"),
            ImportedBy = $"cli:{Environment.UserName}",
        };

        IEnumerable<ImportSummary> summaries;
        Warehouse.Warehouse? warehouse = null;
        try
        {
            warehouse = OpenWarehouse(arguments, create: true);
            var importer = new Importer(warehouse);
            summaries = arguments.Values.Select(file => File.Exists(file)
                ? importer.Import(file, options, arguments.Flag("progress") ? new StageLines(Path.GetFileName(file), errors) : null)
                : new ImportSummary { File = Path.GetFileName(file), Status = ImportSummary.Rejected, Message = $"{file}: no such file." });
        }
        catch (WarehouseInUseException busy)
        {
            // The server holds the file: go through its API when we may, else say so in one line.
            var key = Environment.GetEnvironmentVariable("ACI_API_KEY");
            if (string.IsNullOrEmpty(key))
                throw new WarehouseInUseException(busy.DatabasePath, busy.Pid, "Set ACI_API_KEY (an Analyst's API key) to import through the server instead.");
            summaries = ServerImport.Send(arguments.Values, options, ServerImport.Server(arguments), key);
        }

        using (warehouse)
        {
            var exit = Ok;
            foreach (var summary in summaries)
            {
                if (summary.Status == ImportSummary.Rejected) exit = SomeRejected;
                output.WriteLine(arguments.Flag("json") ? JsonSerializer.Serialize(summary, Json) : Describe(summary));
            }
            return exit;
        }
    }

    static int Seed(Arguments arguments, TextWriter output)
    {
        arguments.Allow("db", "scale", "seed-data");
        var scale = DemoScale.Parse(arguments.Option("scale") ?? "demo");
        string folder;
        string? generated = null;
        if (scale == DemoScale.Demo)
        {
            folder = arguments.Option("seed-data") ?? "seed-data";
            if (!Directory.Exists(folder)) throw new UsageException($"seed data folder '{folder}' not found (run from the repository root or pass --seed-data)");
        }
        else
        {
            // large and stress are for benchmarks: generated into a temporary folder, never into the repository.
            folder = generated = Path.Combine(Path.GetTempPath(), $"aci-{scale.Name}-{Guid.NewGuid():N}");
            output.WriteLine($"Generating the {scale.Name} organisation ({scale.People:N0} people) into {folder} ...");
            DemoOrganisation.Write(folder, scale);
        }

        try
        {
            using var warehouse = OpenWarehouse(arguments, create: true);
            var imports = warehouse.Read(c => Dapper.SqlMapper.ExecuteScalar<long>(c, "select count(*) from import_history where status = 'loaded'"));
            if (imports > 0)
            {
                output.WriteLine($"The warehouse {warehouse.DatabasePath} already holds data ({imports} imports); nothing seeded.");
                return Ok;
            }
            var importer = new Importer(warehouse);
            var exit = Ok;
            foreach (var file in InImportOrder(folder))
            {
                var summary = importer.Import(file, new ImportRequest { ImportedBy = "seed" });
                if (summary.Status == ImportSummary.Rejected) exit = SomeRejected;
                output.WriteLine(Describe(summary));
            }
            return exit;
        }
        finally
        {
            if (generated is not null) Directory.Delete(generated, recursive: true);
        }
    }

    static int Backup(Arguments arguments, TextWriter output)
    {
        arguments.Allow("db", "keep");
        using var warehouse = OpenWarehouse(arguments);
        var keep = arguments.Count("keep", 7);
        var backup = new Warehouse.Backups.Backups(warehouse).Create(DateTime.UtcNow, keep);
        output.WriteLine($"Backup written: {backup.Folder} ({Warehouse.Backups.Backups.Size(backup.Bytes)}); the newest {keep} are kept.");
        return Ok;
    }

    static int Restore(Arguments arguments, TextWriter output)
    {
        arguments.Allow("db");
        if (arguments.Values.Count != 1) throw new UsageException("restore needs the backup folder");
        var database = arguments.Option("db") ?? throw new UsageException("restore needs --db NEW_PATH (a file that does not exist yet)");
        var restored = Warehouse.Backups.Backups.Restore(arguments.Values[0], database);
        var expected = Warehouse.Backups.Backups.ManifestStates(arguments.Values[0]);
        var differences = expected.Where(e => !restored.Contains(e)).Select(e => e.Table).ToList();
        output.WriteLine(differences.Count == 0
            ? $"Restored {restored.Count} tables into {database}; every row count and checksum matches the backup's manifest."
            : $"Restored into {database}, but these tables differ from the manifest: {string.Join(", ", differences)}");
        return differences.Count == 0 ? Ok : SomeRejected;
    }

    static int Generate(Arguments arguments, TextWriter output)
    {
        arguments.Allow("scale", "out");
        var scale = DemoScale.Parse(arguments.Option("scale") ?? "demo");
        var folder = arguments.Option("out") ?? "seed-data";
        foreach (var file in DemoOrganisation.Write(folder, scale))
            output.WriteLine($"{new FileInfo(file).Length,12:N0}  {file}");
        return Ok;
    }

    /// <summary>The roster first, so that every other file's people join to a department from the start.</summary>
    static IEnumerable<string> InImportOrder(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetFileName(f).StartsWith("roster", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(f => Path.GetFileName(f), StringComparer.Ordinal);

    /// <summary>
    /// The warehouse of --db. Only import and seed create one: a mistyped --db for sql, export or backup would otherwise
    /// answer from a new, empty warehouse (0 rows, "no data") as if the data were gone.
    /// </summary>
    internal static Warehouse.Warehouse OpenWarehouse(Arguments arguments, bool create = false)
    {
        var database = arguments.Option("db") ?? Path.Combine("data", Warehouse.Warehouse.DatabaseFileName);
        return Warehouse.Warehouse.Open(WarehouseOptions.ForDatabaseFile(create ? database : Existing(database),
            Environment.GetEnvironmentVariable("ACI_SITE_SECRET")));
    }

    internal static string Existing(string database) => File.Exists(database)
        ? database
        : throw new UsageException($"there is no warehouse at {Path.GetFullPath(database)}: check --db (aci import or aci seed creates one)");

    static string Describe(ImportSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Status,-16} {s.File}  [{s.Source ?? "?"}] read {s.RowsRead}, loaded {s.RowsLoaded}, rejected {s.RowsRejected}, duplicates {s.Duplicates}\n                 {s.Message}");

    static int Print(TextWriter output, string text, int code)
    {
        output.WriteLine(text);
        return code;
    }

    /// <summary>One stderr line per stage change: "file: loading 72%". Synchronous, so lines appear as stages start.</summary>
    sealed class StageLines(string file, TextWriter errors) : IProgress<ImportProgress>
    {
        readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
        string? stage;

        public void Report(ImportProgress value)
        {
            if (value.Stage == stage) return;
            stage = value.Stage;
            errors.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {value.Stage} {value.Percent:0}% (at {clock.Elapsed.TotalSeconds:0.0} s)"));
            errors.Flush();
        }
    }
}
