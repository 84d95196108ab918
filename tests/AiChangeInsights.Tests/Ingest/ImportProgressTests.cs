using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Tests.Ingest;

public sealed class ImportProgressTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    sealed class Recorder : IProgress<ImportProgress>
    {
        public List<ImportProgress> Reports { get; } = [];
        public void Report(ImportProgress value) { lock (Reports) Reports.Add(value); }
    }

    [Fact]
    public void An_import_reports_its_stages_in_order_ending_with_the_rows_read()
    {
        var recorder = new Recorder();
        test.Importer.Import(test.File("roster.csv", "email,department\nan@example.nl,Verkoop\nbo@example.nl,Verkoop\n"), new ImportRequest(), recorder);

        var stages = recorder.Reports.Select(r => r.Stage).Distinct().ToList();
        stages.ShouldBe(["checking", "reading", "validating", "pseudonymising", "loading", "refreshing"]);
        recorder.Reports.Select(r => r.Percent).ShouldBeInOrder(SortDirection.Ascending);
        recorder.Reports.Last().RowsRead.ShouldBe(2);
    }

    [Fact]
    public void A_cancelled_import_loads_nothing_and_says_so_in_its_history()
    {
        test.Import(test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n"));
        var before = test.DataCounts();
        using var cancellation = new CancellationTokenSource();
        var recorder = new CancellingRecorder(cancellation, "loading");

        var summary = test.Importer.Import(test.File("usage.csv", "date,user,tool\n2025-01-06,an@example.nl,Copilot\n"), new ImportRequest(), recorder, cancellation.Token);

        summary.Status.ShouldBe("cancelled");
        summary.Message.ShouldContain("nothing was loaded");
        test.DataCounts().ShouldBe(before);
        test.Scalar<string>("select status from import_history order by import_id desc limit 1").ShouldBe("cancelled");
    }

    [Fact]
    public void A_cancel_that_comes_between_two_statements_still_interrupts_the_next_one()
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var cancellation = new CancellationTokenSource();
        var stages = new ImportStages(null, cancellation.Token);

        Should.Throw<OperationCanceledException>(() => stages.Track(connection, () =>
        {
            // No statement runs for the next 100 ms, so DuckDB drops the interrupts of that time when the next one
            // starts (as a stop arriving while a step counts the file's lines); only a later interrupt stops it.
            cancellation.Cancel();
            Thread.Sleep(100);
            using var command = connection.CreateCommand();
            command.CommandText = "select sum(i) from range(3000000000) t(i)"; // about 4 s on 2 cores unless interrupted
            return command.ExecuteScalar();
        }));
    }

    /// <summary>Cancels as soon as the import reaches a stage, like an analyst pressing Cancel at that moment.</summary>
    sealed class CancellingRecorder(CancellationTokenSource source, string stage) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Stage == stage) source.Cancel();
        }
    }

    [Fact]
    public void The_queue_survives_a_restart_and_puts_interrupted_jobs_back_in_line()
    {
        var jobs = new ImportJobs(test.Warehouse);
        var first = jobs.Add("/tmp/a.csv", "a.csv", "upload", new ImportRequest { Tool = "Copilot" }, "analyst");
        var second = jobs.Add("/tmp/b.csv", "b.csv", "upload", new ImportRequest(), "analyst");
        jobs.Take()!.JobId.ShouldBe(first); // now 'running' when the server stops

        test.Reopen();
        jobs = new ImportJobs(test.Warehouse);
        jobs.Requeue().ShouldBe(1);

        var again = jobs.Take()!;
        again.JobId.ShouldBe(first);
        again.Request.Tool.ShouldBe("Copilot");
        again.Request.FileName.ShouldBe("a.csv");
        jobs.Take()!.JobId.ShouldBe(second);
        jobs.Take().ShouldBeNull();
    }
}
