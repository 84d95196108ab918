using System.Globalization;
using AiChangeInsights.Warehouse.Reports;

namespace AiChangeInsights.Cli;

/// <summary>
/// <c>aci export --report quarterly --quarter 2025Q4 [--db PATH] [--out FILE] [--lang en|nl]</c>: the same workbook the
/// web app's nightly job and Reports page build; by default into the reports folder beside the warehouse, where the
/// Reports page lists it.
/// </summary>
internal static class ExportCommand
{
    public static int Run(Arguments arguments, TextWriter output)
    {
        arguments.Allow("report", "quarter", "db", "out", "lang");
        if (arguments.Values.Count > 0) throw new UsageException($"export takes no values ('{arguments.Values[0]}'); use --report and --quarter");
        var report = arguments.Option("report") ?? throw new UsageException("export needs --report quarterly");
        if (report != "quarterly") throw new UsageException($"unknown report '{report}' (known: quarterly)");
        var text = arguments.Option("quarter") ?? throw new UsageException("export --report quarterly needs --quarter, e.g. --quarter 2025Q4");
        if (!ReportQuarter.TryParse(text, out var quarter)) throw new UsageException($"--quarter '{text}' is not a quarter like 2025Q4");
        var culture = arguments.Option("lang") switch
        {
            null or "en" => CultureInfo.GetCultureInfo("en-GB"),
            "nl" => CultureInfo.GetCultureInfo("nl-NL"),
            var other => throw new UsageException($"--lang '{other}': use en or nl"),
        };

        using var warehouse = Aci.OpenWarehouse(arguments);
        var reports = new QuarterlyReports(warehouse);
        var withData = reports.QuartersWithData();
        if (!withData.Contains(quarter))
            throw new ArgumentException($"{quarter} has no data" + (withData.Count > 0 ? $" (quarters with data: {string.Join(", ", withData)})" : " (the warehouse is empty)"));
        if (!quarter.IsFinishedOn(DateOnly.FromDateTime(DateTime.Now)))
            throw new ArgumentException($"{quarter} has not finished yet: a quarterly report is built once the quarter is over.");

        var generated = DateTime.UtcNow;
        string path;
        if (arguments.Option("out") is { } target)
        {
            path = Path.GetFullPath(target);
            if (Path.GetDirectoryName(path) is { } folder) Directory.CreateDirectory(folder);
            File.WriteAllBytes(path, QuarterlyReport.Build(warehouse, quarter, culture, generated));
        }
        else
        {
            path = reports.Build(quarter, culture, generated).FullPath;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Quarterly report {quarter} written to {path} ({new FileInfo(path).Length:N0} bytes)."));
        return Aci.Ok;
    }
}
