using System.Globalization;
using AiChangeInsights.Warehouse.Reports;
using Quartz;

namespace AiChangeInsights.Web.Jobs;

/// <summary>
/// Daily: builds the quarterly report of every finished quarter that has data and no report file yet, so Leadership
/// finds last quarter's workbook on the Reports page the morning after the quarter ends. Thin: the Warehouse builds.
/// </summary>
[DisallowConcurrentExecution]
public sealed class QuarterlyReportJob(Warehouse.Warehouse warehouse, IConfiguration configuration, ILogger<QuarterlyReportJob> logger,
    TimeProvider? clock = null) : IJob
{
    public static readonly JobKey Key = new("quarterly-report", "reports");

    public const string DefaultCron = "0 0 3 * * ?";

    /// <summary>The report's language (Reports:Language, nl or en; English by default, as the app).</summary>
    public static CultureInfo Culture(IConfiguration configuration) =>
        CultureInfo.GetCultureInfo(configuration["Reports:Language"]?.Trim().ToLowerInvariant() is "nl" or "nl-nl" ? "nl-NL" : "en-GB");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        Run(cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <summary>One firing: the reports it built (none when every finished quarter already has one).</summary>
    internal IReadOnlyList<ReportFile> Run(CancellationToken cancellationToken)
    {
        var now = (clock ?? TimeProvider.System).GetLocalNow();
        var built = new QuarterlyReports(warehouse).BuildMissing(DateOnly.FromDateTime(now.DateTime), Culture(configuration), now.UtcDateTime, cancellationToken);
        foreach (var report in built) logger.LogInformation("Quarterly report {Quarter} built: {File}", report.Quarter, report.FullPath);
        return built;
    }
}
