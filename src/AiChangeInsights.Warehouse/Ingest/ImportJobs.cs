using System.Text.Json;
using Dapper;

namespace AiChangeInsights.Warehouse.Ingest;

/// <summary>
/// The persistent import queue (table import_job): what waits, what runs, what came of it. A restart puts
/// queued and interrupted jobs back in line; importing twice is harmless (content hash, one transaction).
/// </summary>
public sealed class ImportJobs(Warehouse warehouse)
{
    public sealed record Job(long JobId, string FilePath, string FileName, string Origin, string Options, string RequestedBy,
        string State, long? ImportId, string? Summary, string? Message, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt)
    {
        public ImportRequest Request => (JsonSerializer.Deserialize<ImportRequest>(Options) ?? new ImportRequest()) with
        {
            FileName = FileName, ImportedBy = RequestedBy,
        };

        public ImportSummary? Result => Summary is null ? null : JsonSerializer.Deserialize<ImportSummary>(Summary);
    }

    public const string Queued = "queued", Running = "running", Done = "done", Failed = "failed", Cancelled = "cancelled";

    // Dapper matches a record's constructor by type too: the integer columns come back as bigint.
    const string SelectJob = """
        select job_id::bigint as job_id, file_path, file_name, origin, options, requested_by, state, import_id::bigint as import_id,
               summary, message, created_at, started_at, finished_at
        from import_job
        """;

    public long Add(string filePath, string fileName, string origin, ImportRequest options, string requestedBy) => warehouse.Record(c =>
        c.ExecuteScalar<long>("""
            insert into import_job (job_id, file_path, file_name, origin, options, requested_by, state, created_at)
            values (nextval('import_job_id_seq'), $filePath, $fileName, $origin, $options, $requestedBy, 'queued', now())
            returning job_id
            """, new { filePath, fileName, origin, options = JsonSerializer.Serialize(options with { FileName = null }), requestedBy }));

    /// <summary>Takes the oldest queued job, marking it running; null when none waits.</summary>
    public Job? Take() => warehouse.Record(c =>
    {
        var next = c.QueryFirstOrDefault<Job>($"{SelectJob} where state = 'queued' order by job_id limit 1");
        if (next is null) return null;
        c.Execute("update import_job set state = 'running', started_at = now() where job_id = $id", new { id = next.JobId });
        return next with { State = Running };
    });

    public void Finish(long jobId, ImportSummary summary) => warehouse.Record(c => c.Execute("""
        update import_job set state = $state, import_id = $importId, summary = $summary, message = $message, finished_at = now()
        where job_id = $jobId
        """, new
    {
        jobId, importId = summary.ImportId, summary = JsonSerializer.Serialize(summary), message = summary.Message,
        state = summary.Status == ImportSummary.Cancelled ? Cancelled : Done,
    }));

    public void Fail(long jobId, string message) => warehouse.Record(c => c.Execute(
        "update import_job set state = 'failed', message = $message, finished_at = now() where job_id = $jobId", new { jobId, message }));

    /// <summary>Cancels a job that has not started; a running one is cancelled by its runner.</summary>
    public bool CancelQueued(long jobId) => warehouse.Record(c => c.Execute(
        "update import_job set state = 'cancelled', message = 'cancelled before it started', finished_at = now() where job_id = $jobId and state = 'queued'",
        new { jobId })) > 0;

    /// <summary>At start: jobs left running by a stopped server go back in line.</summary>
    public int Requeue() => warehouse.Record(c => c.Execute("update import_job set state = 'queued', started_at = null where state = 'running'"));

    public Job? Get(long jobId) => warehouse.Read(c => c.QueryFirstOrDefault<Job>($"{SelectJob} where job_id = $jobId", new { jobId }));

    public IReadOnlyList<Job> Recent(int count) => warehouse.Read(c => c.Query<Job>(
        $"{SelectJob} order by job_id desc limit $count", new { count }).ToList());

    public bool AnyQueued() => warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from import_job where state = 'queued'")) > 0;
}
