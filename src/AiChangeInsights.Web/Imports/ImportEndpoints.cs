using System.Globalization;
using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Web.Access;
using AiChangeInsights.Web.Audit;
using Microsoft.AspNetCore.Antiforgery;

namespace AiChangeInsights.Web.Imports;

/// <summary>
/// The analyst's endpoints (route access: Analyst only): upload into the queue, the queue's state, cancel, undo,
/// rejected rows as Excel, and POST /api/imports for scripts (an Analyst's session or API key) that answers with
/// the summary of DESIGN.md.
/// </summary>
public static class ImportEndpoints
{
    public static void MapImports(this WebApplication app)
    {
        app.MapPost("/imports/upload", async (HttpContext context, UploadReceiver receiver, ImportQueue queue, IAntiforgery antiforgery, AuditLog audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest(new { message = "The page has expired; reload it and upload again." });
            try
            {
                var received = await receiver.Receive(context.Request, context.RequestAborted);
                var who = Who(context);
                var jobs = new List<object>();
                foreach (var (path, name) in received.Files)
                    jobs.Add(new { job_id = await queue.Enqueue(path, name, "upload", received.Options, who), file = name });
                audit.Write(context, "upload", string.Join(", ", received.Files.Select(f => f.Name)));
                return Results.Json(new { jobs });
            }
            catch (UploadReceiver.UploadRefused refused)
            {
                return Results.Json(new { message = refused.Message }, statusCode: refused.Status);
            }
        }).DisableAntiforgery();

        app.MapGet("/imports/jobs", (ImportJobs jobs, ImportProgressBoard board) =>
            Results.Json(jobs.Recent(50).Select(job => Describe(job, board))));

        app.MapPost("/imports/jobs/{jobId:long}/cancel", async (long jobId, HttpContext context, ImportJobs jobs, ImportProgressBoard board, IAntiforgery antiforgery, AuditLog audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest(new { message = "The page has expired; reload it." });
            var cancelled = jobs.CancelQueued(jobId) || board.Cancel(jobId);
            if (cancelled) audit.Write(context, "import cancel", $"job {jobId}");
            return Results.Json(new { job_id = jobId, cancelled });
        }).DisableAntiforgery();

        app.MapPost("/imports/{importId:long}/undo", async (long importId, HttpContext context, ImportUndo undo, IAntiforgery antiforgery, AuditLog audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest(new { message = "The page has expired; reload it." });
            try
            {
                var result = undo.Undo(importId, Who(context));
                audit.Write(context, "import undo", $"import #{importId} ({result.Source}): {result.RowsRemoved} rows removed");
                return WantsJson(context)
                    ? Results.Json(new { import_id = importId, rows_removed = result.RowsRemoved })
                    : Results.Redirect($"/imports/{importId}");
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return Results.Json(new { message = e.Message }, statusCode: StatusCodes.Status409Conflict);
            }
        }).DisableAntiforgery();

        app.MapGet("/imports/{importId:long}/rejected.xlsx", (long importId, Warehouse.Warehouse warehouse, HttpContext context, AuditLog audit) =>
        {
            var bytes = RejectedRowsWorkbook.Write(warehouse, importId);
            if (bytes is null) return Results.NotFound();
            audit.Write(context, "export", $"rejected rows of import #{importId}");
            return Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"import-{importId}-rejected.xlsx");
        });

        app.MapPost("/api/imports", async (HttpContext context, UploadReceiver receiver, ImportQueue queue, IAntiforgery antiforgery, AuditLog audit) =>
        {
            // A browser session must prove the request comes from our page; an API key is the proof itself.
            if (context.User.FindFirst(ApiKeyAuthentication.KeyNameClaim) is null && !await antiforgery.IsRequestValidAsync(context))
                return Results.BadRequest(new { message = "Use an API key (header X-Api-Key), or the Imports page." });
            try
            {
                var received = await receiver.Receive(context.Request, context.RequestAborted);
                var who = Who(context);
                var summaries = new List<ImportSummary>();
                foreach (var (path, name) in received.Files)
                {
                    var jobId = await queue.Enqueue(path, name, "api", received.Options, who);
                    var job = await queue.WaitFor(jobId, TimeSpan.FromMinutes(30), context.RequestAborted);
                    summaries.Add(job.Result ?? new ImportSummary { File = name, Status = job.State, Message = job.Message ?? job.State });
                }
                audit.Write(context, "upload", "api: " + string.Join(", ", received.Files.Select(f => f.Name)));
                return summaries.Count == 1 ? Results.Json(summaries[0]) : Results.Json(summaries);
            }
            catch (UploadReceiver.UploadRefused refused)
            {
                return Results.Json(new { message = refused.Message }, statusCode: refused.Status);
            }
        }).DisableAntiforgery();
    }

    static object Describe(ImportJobs.Job job, ImportProgressBoard board)
    {
        // A finished job is at 100 %: its last progress stays on the board until the queue job ends, a moment after.
        var finished = job.State is ImportJobs.Done or ImportJobs.Failed or ImportJobs.Cancelled;
        var live = finished ? null : board.Of(job.JobId);
        return new
        {
            job_id = job.JobId, file = job.FileName, origin = job.Origin, state = job.State, requested_by = job.RequestedBy,
            stage = live?.Stage ?? job.State, percent = live?.Percent ?? (finished ? 100 : 0),
            rows_read = live?.RowsRead, import_id = job.ImportId, summary = job.Result, message = job.Message,
            created_at = job.CreatedAt.ToString("o", CultureInfo.InvariantCulture),
        };
    }

    // As the audit log names them: role and pseudonym, never a name (the warehouse holds none).
    static string Who(HttpContext context) => context.RequestServices.GetRequiredService<AuditLog>().Actor(context.User);

    static bool WantsJson(HttpContext context) => context.Request.Headers.Accept.Any(a => a?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
}
