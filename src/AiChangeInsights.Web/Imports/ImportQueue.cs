using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Web.Jobs;
using Quartz;

namespace AiChangeInsights.Web.Imports;

/// <summary>Hands files to the import job: stores the job, wakes the scheduler, and lets callers wait for the result.</summary>
public sealed class ImportQueue(ImportJobs jobs, ISchedulerFactory schedulers)
{
    public async Task<long> Enqueue(string storedPath, string fileName, string origin, ImportRequest options, string requestedBy)
    {
        var jobId = jobs.Add(storedPath, fileName, origin, options, requestedBy);
        var scheduler = await schedulers.GetScheduler();
        await scheduler.TriggerJob(ImportQueueJob.Key);
        return jobId;
    }

    /// <summary>Waits until the job has finished (for the API and aci import through the server).</summary>
    public async Task<ImportJobs.Job> WaitFor(long jobId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = jobs.Get(jobId) ?? throw new InvalidOperationException($"import job {jobId} vanished");
            if (job.State is not (ImportJobs.Queued or ImportJobs.Running) || DateTime.UtcNow > deadline) return job;
            await Task.Delay(200, cancellationToken);
        }
    }
}
