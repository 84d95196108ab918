using System.Diagnostics;
using System.Globalization;
using AiChangeInsights.Warehouse.Demo;
using AiChangeInsights.Warehouse.Ingest;
using Dapper;

namespace AiChangeInsights.Cli;

/// <summary>
/// <c>aci bench</c>: a benchmark, not a test. It prints figures; it never fails the build.
/// Views: p50/p95 of every contract view on a warehouse at the chosen scale.
/// </summary>
internal static class Bench
{
    public static readonly string[] ContractViews =
    [
        "kpi_monthly", "kpi_matrix", "adoption_cohorts", "adoption_curve_phases", "checkpoint_comparison",
        "activity_adoption_correlation", "activity_exposure_units", "leadership_effect", "maturity_distribution",
        "maturity_department_history", "maturity_stage_history", "resistance_distribution",
        "survey_results", "acceptance_trends_anonymised",
    ];

    public static int Run(Arguments arguments, TextWriter output)
    {
        switch (arguments.Values.FirstOrDefault())
        {
            case "import":
                arguments.Allow("rows", "runs", "xlsx-rows");
                var result = BenchImport.Measure(long.Parse(arguments.Option("rows") ?? "1000000", CultureInfo.InvariantCulture),
                    int.Parse(arguments.Option("runs") ?? "5", CultureInfo.InvariantCulture),
                    long.Parse(arguments.Option("xlsx-rows") ?? "50000", CultureInfo.InvariantCulture), output);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  median: product {result.ProductMedianMs:F0} ms, DuckDB {result.NativeMedianMs:F0} ms, ratio {result.MedianRatio:F2}x; peak memory {result.ProductPeakMegabytes:F0} MB (DuckDB alone {result.NativePeakMegabytes:F0} MB)"));
                return Aci.Ok;
            case "import-once" or "native-once":
                arguments.Allow("db");
                return BenchImport.Once(arguments.Values[0], arguments.Values[1], arguments.Option("db") ?? throw new UsageException("--db is required"), output);
        }
        arguments.Allow("db", "scale", "runs", "server");
        var runs = int.Parse(arguments.Option("runs") ?? "20", CultureInfo.InvariantCulture);
        if (arguments.Option("server") is { } server) return BenchPages.Run(server, runs, output).GetAwaiter().GetResult();
        var database = arguments.Option("db");
        string? scratch = null;
        if (database is null)
        {
            var scale = DemoScale.Parse(arguments.Option("scale") ?? "large");
            scratch = Path.Combine(Path.GetTempPath(), $"aci-bench-{Guid.NewGuid():N}");
            database = Path.Combine(scratch, "warehouse.duckdb");
            output.WriteLine($"Seeding the {scale.Name} organisation into {scratch} ...");
            var clock = Stopwatch.StartNew();
            var files = DemoOrganisation.Write(Path.Combine(scratch, "files"), scale);
            using (var warehouse = Warehouse.Warehouse.Open(Warehouse.WarehouseOptions.ForDatabaseFile(database)))
            {
                var importer = new Importer(warehouse);
                foreach (var file in files) importer.Import(file, new ImportRequest { ImportedBy = "bench" });
            }
            output.WriteLine($"  seeded in {clock.Elapsed.TotalSeconds:F1} s");
        }

        try
        {
            using var warehouse = Warehouse.Warehouse.Open(Warehouse.WarehouseOptions.ForDatabaseFile(database));
            var people = warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from dim_person where in_roster"));
            var usageRows = warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from fct_usage_daily"));
            output.WriteLine($"Views on {people:N0} people, {usageRows:N0} usage rows ({runs} runs each, after 2 warm-up runs)");
            output.WriteLine($"| view | rows | p50 ms | p95 ms |");
            output.WriteLine($"|---|---:|---:|---:|");
            var existing = warehouse.Read(c => c.Query<string>("select table_name from information_schema.tables").ToHashSet());
            foreach (var view in ContractViews.Where(existing.Contains))
            {
                var (rows, p50, p95) = Time(warehouse, $"select * from {view}", runs);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {view} | {rows:N0} | {p50:F1} | {p95:F1} |"));
            }
            return Aci.Ok;
        }
        finally
        {
            if (scratch is not null) Directory.Delete(scratch, recursive: true);
        }
    }

    static (long Rows, double P50, double P95) Time(Warehouse.Warehouse warehouse, string sql, int runs)
    {
        long rows = 0;
        var timings = new List<double>();
        for (var i = 0; i < runs + 2; i++)
        {
            var clock = Stopwatch.StartNew();
            rows = warehouse.Read(c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = sql;
                using var reader = command.ExecuteReader();
                long n = 0;
                var values = new object[reader.FieldCount];
                while (reader.Read()) { reader.GetValues(values); n++; }
                return n;
            });
            if (i >= 2) timings.Add(clock.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        return (rows, Percentile(timings, 0.50), Percentile(timings, 0.95));
    }

    static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
