using System.Collections.Concurrent;
using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Web.Imports;

/// <summary>Live progress of running imports (in memory; the queue itself is persistent), and their cancellation.</summary>
public sealed class ImportProgressBoard
{
    readonly ConcurrentDictionary<long, ImportProgress> progress = new();
    readonly ConcurrentDictionary<long, CancellationTokenSource> cancellation = new();

    public IProgress<ImportProgress> Reporter(long jobId) => new Progress(this, jobId);

    public CancellationToken Start(long jobId)
    {
        var source = new CancellationTokenSource();
        cancellation[jobId] = source;
        progress[jobId] = new ImportProgress("checking", 0, null);
        return source.Token;
    }

    /// <summary>
    /// The import has returned (loaded, rejected or rolled back): nothing is left to cancel. Called before the job's
    /// final state is written, so a Cancel that sees that state answers false; the progress stays until <see cref="End"/>.
    /// </summary>
    public void Returned(long jobId) => cancellation.TryRemove(jobId, out _);

    public void End(long jobId)
    {
        progress.TryRemove(jobId, out _);
        Returned(jobId);
    }

    public ImportProgress? Of(long jobId) => progress.GetValueOrDefault(jobId);

    /// <summary>Asks a running import to stop; false when the job is not running here.</summary>
    public bool Cancel(long jobId)
    {
        // The sources are never disposed (they hold no timer), so one removed in between is cancelled harmlessly.
        if (!cancellation.TryGetValue(jobId, out var source)) return false;
        source.Cancel();
        return true;
    }

    // Progress<T> would post to a synchronisation context; a job has none and wants the latest value only.
    sealed class Progress(ImportProgressBoard board, long jobId) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => board.progress[jobId] = value;
    }
}
