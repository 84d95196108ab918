using System.Diagnostics;
using System.Globalization;
using AiChangeInsights.Tests.Web;
using AiChangeInsights.Tests.Web.Imports;
using AiChangeInsights.Warehouse;
using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Web.Imports;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace AiChangeInsights.Tests.Reliability;

/// <summary>
/// The server stops while one import runs and three wait. Stopping rolls the running one back; the next start puts
/// it in line again and every file ends up loaded exactly once.
/// </summary>
[Collection("reliability"), Trait("Category", "Reliability")]
public sealed class RestartTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "aci-restart-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Imports_queued_when_the_server_stops_all_run_once_after_it_starts_again()
    {
        var uploads = Path.Combine(folder, "uploads-kept-by-test");
        // Two million rows (about 3.5 s from reading to commit), so the stop always finds the import running.
        var bigRows = LargeUsageFile.Write(Path.Combine(uploads, "big.csv"), 2_000_000, "Restart tool");
        var files = new List<string> { Path.Combine(uploads, "big.csv") };
        foreach (var seed in new[] { "roster.csv", "training.csv", "usage_copilot.csv" })
        {
            File.Copy(Path.Combine(Repository.SeedData, seed), Path.Combine(uploads, seed));
            files.Add(Path.Combine(uploads, seed));
        }

        var jobIds = new List<long>();
        var stop = new Stopwatch();
        await using (var first = new ImportsApp(folder))
        {
            _ = first.CreateClient();
            var queue = first.Services.GetRequiredService<ImportQueue>();
            foreach (var file in files)
                jobIds.Add(await queue.Enqueue(file, Path.GetFileName(file), "api", new ImportRequest(), "reliability test"));
            // Stop once the big file is being read and before its commit: well inside the import.
            await first.UntilImporting(jobIds[0]);
            stop.Start();
        } // a graceful stop, as systemd or docker stop would do
        stop.Stop();
        // The stop rolls the import back at once (0.1 s here) instead of waiting for it: Quartz alone cancelled its
        // jobs only 3.2-3.3 s into the stop, by which time this import had often committed.
        ReliabilityFigures.Note("stop during import", string.Create(CultureInfo.InvariantCulture, $"{stop.Elapsed.TotalSeconds:0.0} s"));
        stop.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));

        using (var stopped = Warehouse.Warehouse.Open(new WarehouseOptions { DataFolder = folder, SiteSecret = TestWarehouse.Secret }))
        {
            var states = stopped.Read(c => c.Query<(long JobId, string State)>("select job_id, state from import_job order by job_id").ToList());
            states.ShouldBe([(jobIds[0], "running"), (jobIds[1], "queued"), (jobIds[2], "queued"), (jobIds[3], "queued")]);
            stopped.Read(c => c.ExecuteScalar<long>("select count(*) from raw_usage")).ShouldBe(0);
        }

        using (var second = new ImportsApp(folder))
        {
            _ = second.CreateClient();
            var queue = second.Services.GetRequiredService<ImportQueue>();
            foreach (var jobId in jobIds)
                (await queue.WaitFor(jobId, TimeSpan.FromMinutes(3), CancellationToken.None)).State.ShouldBe(ImportJobs.Done);

            var warehouse = second.Services.GetRequiredService<Warehouse.Warehouse>();
            var loaded = warehouse.Read(c => c.Query<(string File, long Times)>(
                "select file_name, count(*) from import_history where status = 'loaded' group by file_name order by file_name").ToList());
            loaded.ShouldBe([("big.csv", 1), ("roster.csv", 1), ("training.csv", 1), ("usage_copilot.csv", 1)]);
            warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from raw_usage where tool = 'Restart tool'")).ShouldBe(bigRows);
            // Nothing doubled: the usage in the warehouse is exactly what the two usage imports say they loaded.
            var usageLoaded = warehouse.Read(c => c.ExecuteScalar<long>(
                "select sum(rows_loaded)::bigint from import_history where status = 'loaded' and file_name in ('big.csv', 'usage_copilot.csv')"));
            warehouse.Read(c => c.ExecuteScalar<long>("select sum(events)::bigint from raw_usage")).ShouldBe(usageLoaded);
            usageLoaded.ShouldBeGreaterThan(bigRows + 10_000);
        }
        ReliabilityFigures.Add(ReliabilityFigures.CrashRecoveries);
    }
}
