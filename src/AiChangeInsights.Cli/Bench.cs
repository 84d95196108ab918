using System.Globalization;
using AiChangeInsights.Warehouse.Demo;

namespace AiChangeInsights.Cli;

/// <summary>
/// <c>aci bench</c>: benchmarks, not tests. They print figures and ratios; they never fail the build.
/// <c>all</c> is what <c>make bench</c> runs (<see cref="BenchAll"/>); the parts run alone too.
/// </summary>
internal static class Bench
{
    public static int Run(Arguments arguments, TextWriter output)
    {
        switch (arguments.Values.FirstOrDefault())
        {
            case "all":
                return BenchAll.Run(arguments, output);
            case "import":
                arguments.Allow("rows", "runs", "xlsx-rows");
                var result = BenchImport.Measure(arguments.Count("rows", 1_000_000), arguments.Count("runs", 5), arguments.Count("xlsx-rows", 50_000), output);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  median: product {result.ProductMedianMs:F0} ms, DuckDB {result.NativeMedianMs:F0} ms, ratio {result.MedianRatio:F2}x; peak memory {result.ProductPeakMegabytes:F0} MB (DuckDB alone {result.NativePeakMegabytes:F0} MB); " +
                    $"summing to the daily grain alone {result.CoreMedianMs:F0} ms ({result.CoreMedianRatio:F2}x), {result.CorePeakMegabytes:F0} MB"));
                return Aci.Ok;
            case "import-once" or "native-once" or "core-once":
                arguments.Allow("db");
                return BenchImport.Once(arguments.Values[0], arguments.Values[1], arguments.Option("db") ?? throw new UsageException("--db is required"), output);
        }
        arguments.Allow("db", "scale", "runs", "server");
        var runs = arguments.Count("runs", 20);
        if (arguments.Option("server") is { } server)
        {
            BenchPages.Measure(server, runs, output).GetAwaiter().GetResult();
            return Aci.Ok;
        }
        if (arguments.Option("db") is { } database)
        {
            BenchViews.Measure(Path.GetFileName(database), Aci.Existing(database), runs, output);
            return Aci.Ok;
        }
        var scale = DemoScale.Parse(arguments.Option("scale") ?? "large");
        var scratch = Path.Combine(Path.GetTempPath(), $"aci-bench-{Guid.NewGuid():N}");
        try
        {
            BenchViews.Measure(scale.Name, BenchViews.Seed(scale, scratch, output), runs, output);
            return Aci.Ok;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
