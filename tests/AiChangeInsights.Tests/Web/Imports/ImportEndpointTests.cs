using System.Net;
using AiChangeInsights.Tests.Reliability;
using AiChangeInsights.Tests.Web;
using System.Net.Http.Json;
using System.Text.Json;
using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Web.Imports;
using ClosedXML.Excel;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace AiChangeInsights.Tests.Web.Imports;

public sealed class ImportEndpointTests : IDisposable
{
    readonly ImportsApp app = new();

    public void Dispose() => app.Dispose();

    const string Roster = "email,department\nan@example.nl,Verkoop\nbo@example.nl,Productie\nnot-an-email,Verkoop\n";

    [Fact]
    public async Task An_analyst_uploads_a_file_the_queue_imports_it_and_the_job_reports_the_summary()
    {
        var client = await app.SignedInClient("Analyst");
        var token = await ImportsApp.Token(client);

        var response = await ImportsApp.Upload(client, token, "roster.csv", Roster);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var jobId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")[0].GetProperty("job_id").GetInt64();
        var job = await ImportsApp.Finished(client, jobId);
        job.GetProperty("state").GetString().ShouldBe("done");
        job.GetProperty("percent").GetDouble().ShouldBe(100);
        var summary = job.GetProperty("summary");
        summary.GetProperty("status").GetString().ShouldBe("loaded");
        (summary.GetProperty("rows_loaded").GetInt64(), summary.GetProperty("rows_rejected").GetInt64()).ShouldBe((2L, 1L));
        // The uploaded copy held e-mail addresses: it is gone once imported.
        Directory.EnumerateFiles(Path.Combine(app.DataFolder, "uploads"), "*", SearchOption.AllDirectories).ShouldBeEmpty();

        // The import's last progress stays on the board until its queue job ends, a moment after the job is done;
        // a poll in between once read 'done' at 95 %. Left there on purpose: a finished job reads 100 %.
        app.Services.GetRequiredService<ImportProgressBoard>().Reporter(jobId).Report(new ImportProgress("refreshing", 95, 3));
        var again = await ImportsApp.Finished(client, jobId);
        (again.GetProperty("stage").GetString(), again.GetProperty("percent").GetDouble()).ShouldBe(("done", 100d));
    }

    [Fact]
    public async Task Rejected_rows_download_as_excel_and_undo_removes_the_import()
    {
        var client = await app.SignedInClient("Analyst");
        var token = await ImportsApp.Token(client);
        var upload = await ImportsApp.Upload(client, token, "roster.csv", Roster);
        var jobId = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")[0].GetProperty("job_id").GetInt64();
        var importId = (await ImportsApp.Finished(client, jobId)).GetProperty("import_id").GetInt64();

        using (var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync($"/imports/{importId}/rejected.xlsx"))))
        {
            var sheet = workbook.Worksheet(1);
            sheet.Cell(1, 2).GetString().ShouldBe("roster.csv");
            (sheet.Cell(6, 1).GetDouble(), sheet.Cell(6, 2).GetString(), sheet.Cell(6, 4).GetString()).ShouldBe((4, "email", "not an e-mail address or UPN"));
            sheet.Cell(6, 3).GetString().ShouldBeEmpty(); // person columns never keep their value
        }

        var undo = new HttpRequestMessage(HttpMethod.Post, $"/imports/{importId}/undo");
        undo.Headers.Add("RequestVerificationToken", token);
        undo.Headers.Add("Accept", "application/json");
        var undone = await client.SendAsync(undo);
        undone.StatusCode.ShouldBe(HttpStatusCode.OK, await undone.Content.ReadAsStringAsync());
        JsonDocument.Parse(await undone.Content.ReadAsStringAsync()).RootElement.GetProperty("rows_removed").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Uploads_without_the_pages_token_or_from_other_roles_are_refused()
    {
        var client = await app.SignedInClient("Analyst");
        (await ImportsApp.Upload(client, "forged", "roster.csv", Roster)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var leadership = await app.SignedInClient("Leadership");
        (await ImportsApp.Upload(leadership, await ImportsApp.Token(leadership), "roster.csv", Roster)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.AnonymousClient().GetAsync("/imports/jobs")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_while_streaming_and_nothing_stays_on_disk()
    {
        var client = await app.SignedInClient("Analyst");
        var big = "email,department\n" + string.Concat(Enumerable.Repeat("someone.with.a.long.address@example.nl,Verkoop\n", 30_000)); // ~1.4 MB, limit 1 MB

        var response = await ImportsApp.Upload(client, await ImportsApp.Token(client), "big.csv", big);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("big.csv is larger than 1 MB");
        Directory.EnumerateFiles(Path.Combine(app.DataFolder, "uploads"), "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_name_with_a_path_is_reduced_to_its_name()
    {
        var client = await app.SignedInClient("Analyst");
        var response = await ImportsApp.Upload(client, await ImportsApp.Token(client), "../../../etc/roster.csv", Roster);
        var jobId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")[0].GetProperty("job_id").GetInt64();

        (await ImportsApp.Finished(client, jobId)).GetProperty("file").GetString().ShouldBe("roster.csv");
    }

    [Fact]
    public async Task The_api_imports_with_an_analysts_key_and_answers_with_the_summary_of_the_design()
    {
        var client = app.AnonymousClient();
        using var form = new MultipartFormDataContent { { new StringContent(Roster), "file", "roster.csv" } };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        request.Headers.Add("X-Api-Key", ImportsApp.ApiKey);

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var field in new[] { "file", "source", "status", "rows_read", "rows_loaded", "rows_rejected", "duplicates", "message" })
            summary.TryGetProperty(field, out var _).ShouldBeTrue(field);
        summary.GetProperty("status").GetString().ShouldBe("loaded");
        summary.GetProperty("source").GetString().ShouldBe("roster");
    }

    [Fact]
    public async Task The_api_refuses_an_unknown_key_and_a_caller_without_one()
    {
        var client = app.AnonymousClient();
        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = new MultipartFormDataContent { { new StringContent(Roster), "file", "r.csv" } } };
        wrong.Headers.Add("X-Api-Key", "not-the-key-but-long-enough-0123456789");
        (await client.SendAsync(wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var none = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = new MultipartFormDataContent { { new StringContent(Roster), "file", "r.csv" } } };
        (await client.SendAsync(none)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_analyst_cancels_a_running_import_and_a_queued_one_and_neither_loads_a_row()
    {
        var client = await app.SignedInClient("Analyst");
        var token = await ImportsApp.Token(client);
        // Two million rows (about 3.5 s to import), so the cancel finds it running. Uploads here stop at 1 MB, so it
        // goes in line as the API and the inbox put files; the roster uploaded after it waits behind it.
        var big = Path.Combine(app.DataFolder, "uploads-kept-by-test", "big.csv");
        LargeUsageFile.Write(big, 2_000_000, "Cancel tool");
        var running = await app.Services.GetRequiredService<ImportQueue>().Enqueue(big, "big.csv", "api", new ImportRequest(), "analyst test");
        var upload = await ImportsApp.Upload(client, token, "roster.csv", Roster);
        var queued = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")[0].GetProperty("job_id").GetInt64();
        await app.UntilImporting(running);

        (await Cancel(client, token, queued)).ShouldBeTrue();
        (await Cancel(client, token, running)).ShouldBeTrue();

        (await ImportsApp.Finished(client, running)).GetProperty("state").GetString().ShouldBe("cancelled");
        (await ImportsApp.Finished(client, queued)).GetProperty("state").GetString().ShouldBe("cancelled");
        var warehouse = app.Services.GetRequiredService<Warehouse.Warehouse>();
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from raw_usage")).ShouldBe(0);
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from raw_roster")).ShouldBe(0);
        warehouse.Read(c => c.ExecuteScalar<string>("select status from import_history where file_name = 'big.csv'")).ShouldBe("cancelled");
        (await Cancel(client, token, running)).ShouldBeFalse(); // an ended job has nothing left to cancel
    }

    static async Task<bool> Cancel(HttpClient client, string token, long jobId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/imports/jobs/{jobId}/cancel");
        request.Headers.Add("RequestVerificationToken", token);
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("cancelled").GetBoolean();
    }

    [Fact]
    public async Task The_inbox_folder_is_there_to_drop_files_into_once_the_server_runs()
    {
        _ = app.CreateClient(); // starts the server and its jobs (the inbox is looked at every second here)
        for (var i = 0; i < 100 && !Directory.Exists(app.Inbox); i++) await Task.Delay(100);

        Directory.Exists(app.Inbox).ShouldBeTrue();
    }

    [Fact]
    public async Task Files_dropped_in_the_inbox_are_imported_and_moved_to_processed_or_failed_with_the_reason()
    {
        _ = app.CreateClient(); // starts the server and its jobs
        Directory.CreateDirectory(app.Inbox);
        File.WriteAllText(Path.Combine(app.Inbox, "roster.csv"), Roster);
        File.WriteAllText(Path.Combine(app.Inbox, "broken.csv"), "email,department\n\"an@example.nl,Verkoop\n");
        // Settled files only: give them an older write time than the inbox's few seconds of patience.
        foreach (var file in Directory.GetFiles(app.Inbox)) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));

        var processed = Path.Combine(app.Inbox, "processed", "roster.csv");
        var failed = Path.Combine(app.Inbox, "failed", "broken.csv");
        for (var i = 0; i < 200 && !(File.Exists(processed) && File.Exists(failed + ".reason.txt")); i++) await Task.Delay(100);

        File.Exists(processed).ShouldBeTrue();
        File.Exists(failed).ShouldBeTrue();
        File.ReadAllText(failed + ".reason.txt").ShouldContain("broken.csv line 2, column 1: a quote opened here is never closed");
        Directory.EnumerateFiles(app.Inbox).ShouldBeEmpty();
    }
}
