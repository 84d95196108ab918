using System.Diagnostics;
using System.Globalization;
using System.Net;
using AiChangeInsights.Tests.Web;
using AiChangeInsights.Tests.Web.Imports;
using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Web.Imports;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AiChangeInsights.Tests.Reliability;

/// <summary>
/// 100 page and export requests at once, from three roles, while a million-row import runs: every one answers
/// 200 with its content (reads see the last committed data; the import holds no read lock).
/// </summary>
[Collection("reliability"), Trait("Category", "Reliability")]
public sealed class ReadsUnderImportTests(ITestOutputHelper output) : IDisposable
{
    readonly TestWarehouse data = new();

    public void Dispose() => data.Dispose();

    static readonly (string Role, string Path)[] Requests =
    [
        ("Leadership", "/"), ("Leadership", "/adoption"), ("Leadership", "/checkpoints"), ("Leadership", "/activities"),
        ("Leadership", "/maturity"), ("Leadership", "/people"), ("Leadership", "/acceptance"), ("Leadership", "/reports"),
        ("Leadership", "/export/kpi-trend.xlsx"), ("Leadership", "/export/adoption-cohorts.xlsx"), ("Leadership", "/export/kpi-matrix.json"),
        ("Leadership", "/export/maturity-distribution.xlsx"), ("Analyst", "/imports"), ("Analyst", "/adoption?department=Productie"),
        ("Analyst", "/export/activity-correlation.json"), ("WorksCouncil", "/acceptance"), ("WorksCouncil", "/export/acceptance-quarters.xlsx"),
        ("WorksCouncil", "/export/acceptance-nps.json"), ("WorksCouncil", "/acceptance?lang=nl"), ("Leadership", "/?lang=nl"),
    ];

    [Fact]
    public async Task A_hundred_concurrent_page_and_export_requests_all_answer_while_a_large_import_runs()
    {
        DemoWarehouse.ImportSeedData(data);
        data.Close();
        var file = Path.Combine(data.Folder, "uploads-kept-by-test", "big.csv");
        var rows = LargeUsageFile.Write(file, 1_000_000, "Load tool");
        using var app = new ImportsApp(data.Folder);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Requests.Select(r => r.Role).Distinct()) clients[role] = await app.SignedInClient(role);
        foreach (var (role, path) in Requests) (await clients[role].GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK, path); // warm

        var jobs = app.Services.GetRequiredService<ImportJobs>();
        var jobId = await app.Services.GetRequiredService<ImportQueue>().Enqueue(file, "big.csv", "api", new ImportRequest(), "reliability test");
        for (var i = 0; i < 200 && jobs.Get(jobId)!.State != ImportJobs.Running; i++) await Task.Delay(25);

        var timings = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            var (role, path) = Requests[i % Requests.Length];
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await clients[role].GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                return (Path: path, Ok: response.StatusCode == HttpStatusCode.OK && body.Length > 200, Ms: clock.Elapsed.TotalMilliseconds,
                    Error: response.StatusCode == HttpStatusCode.OK ? null : $"{path}: {(int)response.StatusCode}");
            }
            catch (HttpRequestException e)
            {
                return (Path: path, Ok: false, Ms: clock.Elapsed.TotalMilliseconds, Error: $"{path}: {e.Message}");
            }
        }));
        // All 100 answered while the import was still running: the figures are reads under load, not after it.
        var stateAfter = jobs.Get(jobId)!.State;

        var sorted = timings.Select(t => t.Ms).Order().ToList();
        var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
        var p50 = sorted[sorted.Count / 2];
        var errors = timings.Count(t => !t.Ok);
        output.WriteLine($"100 requests during a {rows:N0}-row import: p50 {p50:0} ms, p95 {p95:0} ms, max {sorted[^1]:0} ms, errors {errors}");
        ReliabilityFigures.Add(ReliabilityFigures.ConcurrentRequests, timings.Length);
        ReliabilityFigures.Add(ReliabilityFigures.Errors, errors);
        ReliabilityFigures.Note("p95 under import", string.Create(CultureInfo.InvariantCulture, $"{p95:0} ms (p50 {p50:0} ms, {timings.Length} requests, {rows:N0}-row import)"));

        timings.Where(t => !t.Ok).Select(t => t.Error).ShouldBeEmpty();
        stateAfter.ShouldBe(ImportJobs.Running, "the import finished before the requests did; the test needs a larger file");
        var finished = await app.Services.GetRequiredService<ImportQueue>().WaitFor(jobId, TimeSpan.FromMinutes(5), CancellationToken.None);
        finished.Result!.RowsLoaded.ShouldBe(rows);
    }
}
