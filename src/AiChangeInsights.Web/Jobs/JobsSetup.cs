using Quartz;

namespace AiChangeInsights.Web.Jobs;

/// <summary>The Quartz scheduler of the web app and its jobs, each with its schedule from configuration.</summary>
public static class JobsSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Imports.ImportProgressBoard>();
        services.AddSingleton<Imports.ImportQueue>();
        services.AddSingleton<Inbox>();
        services.AddQuartz(quartz =>
        {
            // Imports run one at a time inside the server; woken by each new file, and every few seconds for leftovers.
            quartz.AddJob<ImportQueueJob>(job => job.WithIdentity(ImportQueueJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(ImportQueueJob.Key).WithIdentity("import-queue-sweep", "imports")
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(10)).RepeatForever()));
            quartz.AddJob<BackupJob>(job => job.WithIdentity(BackupJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(BackupJob.Key).WithIdentity("backup-nightly", "maintenance")
                .WithCronSchedule(configuration["Backup:Cron"] is { Length: > 0 } backupCron ? backupCron : BackupJob.DefaultCron));
            quartz.AddJob<InboxJob>(job => job.WithIdentity(InboxJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger.ForJob(InboxJob.Key).WithIdentity("inbox-watch", "imports")
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(int.TryParse(configuration["Inbox:IntervalSeconds"], out var seconds) ? seconds : 5)).RepeatForever()));

            quartz.AddJob<QuarterlyReportJob>(job => job.WithIdentity(QuarterlyReportJob.Key).StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(QuarterlyReportJob.Key)
                .WithIdentity("quarterly-report-daily", "reports")
                .WithCronSchedule(configuration["Reports:QuarterlyCron"] is { Length: > 0 } cron ? cron : QuarterlyReportJob.DefaultCron));
        });
        // Stopping the server cancels a running import (it rolls back and is queued again at the next start)
        // instead of making the shutdown wait for a long file.
        services.Configure<QuartzSchedulerOptions>(options => options.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
