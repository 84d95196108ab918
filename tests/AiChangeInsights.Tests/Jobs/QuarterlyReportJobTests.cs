using AiChangeInsights.Warehouse.Reports;
using AiChangeInsights.Web.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace AiChangeInsights.Tests.Jobs;

/// <summary>The nightly quarterly-report job over the demo organisation (data from October 2024 to December 2025).</summary>
public sealed class QuarterlyReportJobTests : IClassFixture<DemoWarehouse>
{
    readonly DemoWarehouse demo;
    readonly QuarterlyReports reports;

    public QuarterlyReportJobTests(DemoWarehouse demo)
    {
        this.demo = demo;
        reports = new QuarterlyReports(demo.Test.Warehouse);
        // Tests of one class run one after another: each starts without reports.
        if (Directory.Exists(reports.Folder)) Directory.Delete(reports.Folder, recursive: true);
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    static IConfiguration Configuration(string? cron = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Reports:QuarterlyCron"] = cron }).Build();

    QuarterlyReportJob Job(DateTimeOffset now) =>
        new(demo.Test.Warehouse, Configuration(), NullLogger<QuarterlyReportJob>.Instance, new FixedClock(now));

    [Fact]
    public void The_job_builds_every_finished_quarter_with_data_once_and_never_rebuilds()
    {
        var midNovember = new DateTimeOffset(2025, 11, 15, 3, 0, 0, TimeSpan.Zero);

        var first = Job(midNovember).Run(CancellationToken.None);

        first.Select(r => r.Quarter.ToString()).Order().ShouldBe(["2024Q4", "2025Q1", "2025Q2", "2025Q3"]);
        reports.Files().Select(f => f.Name).Order().ShouldBe(
            ["quarterly-2024Q4.xlsx", "quarterly-2025Q1.xlsx", "quarterly-2025Q2.xlsx", "quarterly-2025Q3.xlsx"]);
        var written = reports.Files().ToDictionary(f => f.Name, f => File.GetLastWriteTimeUtc(f.FullPath));

        Job(midNovember.AddDays(1)).Run(CancellationToken.None).ShouldBeEmpty();
        reports.Files().ToDictionary(f => f.Name, f => File.GetLastWriteTimeUtc(f.FullPath)).ShouldBe(written);

        // The day after the quarter ends, its report follows; the others stay as they were.
        Job(new DateTimeOffset(2026, 1, 1, 3, 0, 0, TimeSpan.Zero)).Run(CancellationToken.None)
            .Select(r => r.Quarter.ToString()).ShouldBe(["2025Q4"]);
        foreach (var (name, time) in written) File.GetLastWriteTimeUtc(Path.Combine(reports.Folder, name)).ShouldBe(time);
    }

    [Fact]
    public void An_unfinished_quarter_gets_no_report_even_on_its_last_day()
    {
        Job(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero)).Run(CancellationToken.None)
            .Select(r => r.Quarter.ToString()).ShouldNotContain("2025Q4");
        reports.Files().Select(f => f.Quarter).ShouldNotContain(ReportQuarter.Parse("2025Q4"));
    }

    [Fact]
    public async Task Quartz_schedules_the_job_with_the_configured_cron_and_runs_it_when_triggered()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(demo.Test.Warehouse);
        var configuration = Configuration("0 30 4 * * ?");
        services.AddSingleton(configuration);
        services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2025, 7, 2, 3, 0, 0, TimeSpan.Zero)));
        services.AddJobs(configuration);
        await using var provider = services.BuildServiceProvider();

        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        var trigger = await scheduler.GetTriggersOfJob(QuarterlyReportJob.Key, CancellationToken.None);
        trigger.OfType<ICronTrigger>().Single().CronExpressionString.ShouldBe("0 30 4 * * ?");

        await scheduler.Start(CancellationToken.None);
        try
        {
            await scheduler.TriggerJob(QuarterlyReportJob.Key, CancellationToken.None);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (reports.Files().Count < 3 && DateTime.UtcNow < deadline) await Task.Delay(100);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
        }

        // On 2 July 2025: 2024Q4, 2025Q1 and 2025Q2 are over; 2025Q3 is not.
        reports.Files().Select(f => f.Quarter.ToString()).Order().ShouldBe(["2024Q4", "2025Q1", "2025Q2"]);
    }

    [Fact]
    public async Task Without_configuration_the_job_runs_daily_at_three_in_the_morning()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJobs(Configuration());
        services.ShouldContain(s => s.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService));
        await using var provider = services.BuildServiceProvider();

        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        var triggers = await scheduler.GetTriggersOfJob(QuarterlyReportJob.Key, CancellationToken.None);
        triggers.OfType<ICronTrigger>().Single().CronExpressionString.ShouldBe("0 0 3 * * ?");
    }
}
