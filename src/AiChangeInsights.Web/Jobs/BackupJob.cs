using AiChangeInsights.Warehouse.Backups;
using Quartz;

namespace AiChangeInsights.Web.Jobs;

/// <summary>Nightly (Backup:Cron, default 02:30): EXPORT DATABASE to Parquet under backups/, keeping Backup:Keep (default 7).</summary>
[DisallowConcurrentExecution]
public sealed class BackupJob(Warehouse.Warehouse warehouse, IConfiguration configuration, ILogger<BackupJob> logger) : IJob
{
    public static readonly JobKey Key = new("backup", "maintenance");
    public const string DefaultCron = "0 30 2 * * ?";

    public static int Keep(IConfiguration configuration) => int.TryParse(configuration["Backup:Keep"], out var keep) && keep > 0 ? keep : 7;

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var backup = new Backups(warehouse).Create(DateTime.UtcNow, Keep(configuration));
        logger.LogInformation("Backup {Name} written ({Size})", backup.Name, Backups.Size(backup.Bytes));
        return ValueTask.CompletedTask;
    }
}
