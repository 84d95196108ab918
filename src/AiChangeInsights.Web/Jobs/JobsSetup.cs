using Quartz;

namespace AiChangeInsights.Web.Jobs;

/// <summary>The Quartz scheduler of the web app and its jobs, each with its schedule from configuration.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<QuarterlyReportJob>(job => job.WithIdentity(QuarterlyReportJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(QuarterlyReportJob.Key)
                .WithIdentity("quarterly-report-daily", "reports")
                .WithCronSchedule(configuration["Reports:QuarterlyCron"] is { Length: > 0 } cron ? cron : QuarterlyReportJob.DefaultCron));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
