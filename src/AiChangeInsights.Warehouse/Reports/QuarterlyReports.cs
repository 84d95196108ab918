using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;

namespace AiChangeInsights.Warehouse.Reports;

/// <summary>A quarterly report workbook kept in the reports folder.</summary>
public sealed record ReportFile(ReportQuarter Quarter, string Name, string FullPath, long Size, DateTime BuiltUtc);

/// <summary>
/// The quarterly reports kept in &lt;data folder&gt;/reports/quarterly-&lt;yyyyQn&gt;.xlsx: which quarters can have one
/// (finished and with data), which exist, and building them. The web app's job, its Reports page and aci export all
/// come through here, so they agree on names and rules.
/// </summary>
public sealed partial class QuarterlyReports(Warehouse warehouse)
{
    // One build at a time per process: the job and a button press must not write the same file at once.
    static readonly SemaphoreSlim Building = new(1, 1);

    public string Folder => Path.Combine(warehouse.DataFolder, "reports");

    /// <summary>Quarters with any KPI value or survey cell (suppressed cells count: the quarter had answers).</summary>
    public IReadOnlyList<ReportQuarter> QuartersWithData()
    {
        var months = warehouse.Read(c => c.Query<DateOnly>("""
            select distinct month from kpi_monthly
            where value is not null or suppressed
            order by month
            """).ToList());
        return months.Select(ReportQuarter.Of).Distinct().Order().ToList();
    }

    /// <summary>Quarters that ended before <paramref name="today"/> and have data: the ones a report may be built for.</summary>
    public IReadOnlyList<ReportQuarter> FinishedQuarters(DateOnly today) =>
        QuartersWithData().Where(q => q.IsFinishedOn(today)).ToList();

    /// <summary>The report files in the folder, newest quarter first; other files there are ignored.</summary>
    public IReadOnlyList<ReportFile> Files()
    {
        if (!Directory.Exists(Folder)) return [];
        return new DirectoryInfo(Folder).EnumerateFiles("quarterly-*.xlsx")
            .Select(f => (File: f, Match: FileNamePattern().Match(f.Name)))
            .Where(x => x.Match.Success)
            .Select(x => new ReportFile(ReportQuarter.Parse(x.Match.Groups[1].Value), x.File.Name, x.File.FullName, x.File.Length, x.File.LastWriteTimeUtc))
            .OrderByDescending(f => f.Quarter)
            .ToList();
    }

    /// <summary>A report file by its exact name, or null: never a path, never a file that is not a report.</summary>
    public ReportFile? Find(string name) => Files().FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>Builds (or rebuilds) the report of <paramref name="quarter"/> into the folder.</summary>
    public ReportFile Build(ReportQuarter quarter, CultureInfo culture, DateTime generatedUtc, CancellationToken cancellationToken = default)
    {
        Building.Wait(cancellationToken);
        try
        {
            Directory.CreateDirectory(Folder);
            var target = Path.Combine(Folder, quarter.FileName);
            // Written beside the target and moved over it: a reader never sees half a workbook.
            var temporary = Path.Combine(Folder, $".{quarter.FileName}.{Guid.NewGuid():N}.tmp");
            try
            {
                File.WriteAllBytes(temporary, QuarterlyReport.Build(warehouse, quarter, culture, generatedUtc));
                File.Move(temporary, target, overwrite: true);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
            return Find(quarter.FileName)!;
        }
        finally
        {
            Building.Release();
        }
    }

    /// <summary>Builds the report of every finished quarter with data that has no report file yet; returns what it built.</summary>
    public IReadOnlyList<ReportFile> BuildMissing(DateOnly today, CultureInfo culture, DateTime generatedUtc, CancellationToken cancellationToken = default)
    {
        var existing = Files().Select(f => f.Quarter).ToHashSet();
        var built = new List<ReportFile>();
        foreach (var quarter in FinishedQuarters(today).Where(q => !existing.Contains(q)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            built.Add(Build(quarter, culture, generatedUtc, cancellationToken));
        }
        return built;
    }

    [GeneratedRegex(@"^quarterly-(\d{4}Q[1-4])\.xlsx$")]
    private static partial Regex FileNamePattern();
}
