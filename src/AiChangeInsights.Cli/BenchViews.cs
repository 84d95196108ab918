using System.Diagnostics;
using System.Globalization;
using AiChangeInsights.Warehouse.Demo;
using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using Dapper;

namespace AiChangeInsights.Cli;

/// <summary>
/// Views at one scale: p50/p95 of every contract view read whole, and of every chart's query as the pages run it
/// (Warehouse.Read, Dapper, the chart's own SQL and shaping, no cache) beside the bare DuckDB read of the views it
/// reads. The ratio is chart p50 over the summed bare p50 of its source views.
/// </summary>
internal static class BenchViews
{
    public static readonly string[] ContractViews =
    [
        "kpi_monthly", "kpi_matrix", "adoption_cohorts", "adoption_curve_phases", "checkpoint_comparison",
        "activity_adoption_correlation", "activity_exposure_units", "leadership_effect", "maturity_distribution",
        "maturity_department_history", "maturity_stage_history", "resistance_distribution",
        "survey_results", "acceptance_trends_anonymised", "data_coverage",
    ];

    public sealed record Timing(string Name, long Rows, double P50, double P95);

    public sealed record ChartTiming(string Page, string Chart, string Views, double P50, double P95, double BareP50)
    {
        public double Ratio => BareP50 > 0 ? P50 / BareP50 : double.NaN;
    }

    public sealed record Result(string Scale, long People, long UsageRows, IReadOnlyList<Timing> Views, IReadOnlyList<ChartTiming> Charts);

    /// <summary>Generates the organisation at <paramref name="scale"/> into <paramref name="folder"/> and imports it through the real importers.</summary>
    public static string Seed(DemoScale scale, string folder, TextWriter output)
    {
        var database = Path.Combine(folder, "warehouse.duckdb");
        output.WriteLine($"Seeding the {scale.Name} organisation into {folder} ...");
        var clock = Stopwatch.StartNew();
        var files = DemoOrganisation.Write(Path.Combine(folder, "files"), scale);
        using (var warehouse = Warehouse.Warehouse.Open(Warehouse.WarehouseOptions.ForDatabaseFile(database)))
        {
            var importer = new Importer(warehouse);
            foreach (var file in files)
            {
                // Figures of a half-seeded warehouse would look fine and mean nothing (a 5.6M-row year once failed unseen).
                var summary = importer.Import(file, new ImportRequest { ImportedBy = "bench" });
                if (summary.Status != ImportSummary.Loaded)
                    throw new InvalidOperationException($"Seeding the {scale.Name} organisation failed: {summary.Message}");
            }
        }
        Directory.Delete(Path.Combine(folder, "files"), recursive: true);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded in {clock.Elapsed.TotalSeconds:F0} s"));
        return database;
    }

    public static Result Measure(string scale, string database, int runs, TextWriter output)
    {
        using var warehouse = Warehouse.Warehouse.Open(Warehouse.WarehouseOptions.ForDatabaseFile(database));
        var people = warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from dim_person where in_roster"));
        var usageRows = warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from fct_usage_daily"));
        output.WriteLine($"Views at {scale}: {people:N0} people, {usageRows:N0} daily usage rows ({runs} runs each after 2 warm-up runs)");

        var existing = warehouse.Read(c => c.Query<string>("select table_name from information_schema.tables").ToHashSet());
        var bare = new Dictionary<string, Timing>();
        foreach (var view in ContractViews.Concat(Charts().SelectMany(c => c.SourceViews)).Distinct().Where(existing.Contains))
        {
            var (rows, p50, p95) = Time(runs, () => ReadWhole(warehouse, $"select * from {view}"));
            bare[view] = new Timing(view, rows, p50, p95);
        }
        var views = ContractViews.Where(bare.ContainsKey).Select(v => bare[v]).ToList();
        foreach (var v in views)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {v.Name}: {v.Rows:N0} rows, p50 {v.P50:F1} ms, p95 {v.P95:F1} ms"));

        var charts = new List<ChartTiming>();
        var request = new ChartRequest(warehouse, DashboardFilters.None, new Dictionary<string, string>());
        foreach (var chart in Charts())
        {
            var (_, p50, p95) = Time(runs, () => chart.Query(request).Rows.Count);
            var bareP50 = chart.SourceViews.Where(bare.ContainsKey).Sum(v => bare[v].P50);
            var timing = new ChartTiming(PageOf(chart), chart.Key, string.Join(", ", chart.SourceViews), p50, p95, bareP50);
            charts.Add(timing);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  chart {timing.Chart} ({timing.Page}): p50 {p50:F1} ms, p95 {p95:F1} ms; bare {timing.Views} p50 {bareP50:F1} ms; ratio {timing.Ratio:F2}x"));
        }
        return new Result(scale, people, usageRows, views, charts);
    }

    /// <summary>Every chart of the dashboard, as the web app registers them.</summary>
    static IEnumerable<ChartDefinition> Charts() =>
        ChartRegistrations.Types.Select(t => (ChartDefinition)Activator.CreateInstance(t)!);

    /// <summary>The page a chart sits on: its folder under Pages/ (Overview is the start page, "/").</summary>
    static string PageOf(ChartDefinition chart)
    {
        var folder = chart.GetType().Namespace!.Split('.')[^1];
        return folder == "Overview" ? "/" : "/" + folder.ToLowerInvariant();
    }

    static long ReadWhole(Warehouse.Warehouse warehouse, string sql) => warehouse.Read(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        long n = 0;
        var values = new object[reader.FieldCount];
        while (reader.Read()) { reader.GetValues(values); n++; }
        return n;
    });

    static (long Rows, double P50, double P95) Time(int runs, Func<long> step)
    {
        long rows = 0;
        var timings = new List<double>();
        for (var i = 0; i < runs + 2; i++)
        {
            var clock = Stopwatch.StartNew();
            rows = step();
            if (i >= 2) timings.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (rows, BenchMath.Percentile(timings, 0.50), BenchMath.Percentile(timings, 0.95));
    }
}

internal static class BenchMath
{
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
