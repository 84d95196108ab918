using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Web.Imports;
using Quartz;

namespace AiChangeInsights.Web.Jobs;

/// <summary>
/// Runs queued imports one after another inside the server (DuckDB lets one process write). Woken by every
/// upload, API call and inbox file, and every few seconds for anything left over (after a restart too).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ImportQueueJob(ImportJobs jobs, Importer importer, ImportProgressBoard board, Inbox inbox,
    IHostApplicationLifetime lifetime, ILogger<ImportQueueJob> logger) : IJob
{
    public static readonly JobKey Key = new("import-queue", "imports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken quartzToken)
    {
        // Quartz cancelled its own token only 3.2-3.3 s into a stop (measured); the host's stopping signal comes at
        // once, so a running import rolls back then and the stop does not wait for it to commit.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(quartzToken, lifetime.ApplicationStopping);
        // Imports block for seconds to minutes: on a thread of their own, not one of the pool's few (2 on 2 cores)
        // that serve the requests arriving meanwhile.
        await Task.Factory.StartNew(() => RunQueue(stopping.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    void RunQueue(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && jobs.Take() is { } job)
        {
            // Cancelled by the user's button or by the server stopping; either rolls the import back.
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(board.Start(job.JobId), cancellationToken);
            try
            {
                var summary = File.Exists(job.FilePath)
                    ? importer.Import(job.FilePath, job.Request, board.Reporter(job.JobId), cancel.Token)
                    : new ImportSummary { File = job.FileName, Status = ImportSummary.Rejected, Message = $"{job.FileName}: the uploaded file is gone." };
                board.Returned(job.JobId);
                // The server stops: the import rolled back; the job stays 'running' and is queued again at the next start.
                if (summary.Status == ImportSummary.Cancelled && cancellationToken.IsCancellationRequested) break;
                jobs.Finish(job.JobId, summary);
                logger.LogInformation("Import job {Job} ({File}): {Status}", job.JobId, job.FileName, summary.Status);
                if (job.Origin == "inbox") inbox.Settle(job.FilePath, job.FileName, summary);
                else File.Delete(job.FilePath); // uploads hold names and e-mails: gone once imported
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The server stops: the job stays 'running' and is queued again at the next start.
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Import job {Job} ({File}) failed", job.JobId, job.FileName);
                jobs.Fail(job.JobId, e.Message);
            }
            finally
            {
                board.End(job.JobId);
            }
        }
    }
}
