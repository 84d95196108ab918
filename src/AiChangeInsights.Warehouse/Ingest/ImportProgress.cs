using DuckDB.NET.Data;

namespace AiChangeInsights.Warehouse.Ingest;

/// <summary>Where an import is: its stage, how far overall (0-100), and the rows read once known.</summary>
public sealed record ImportProgress(string Stage, double Percent, long? RowsRead);

/// <summary>
/// The stages of one import, each with its share of the whole, reported as they start and, during the long DuckDB
/// statements, from DuckDB's own query progress. Cancelling interrupts the running statement.
/// </summary>
internal sealed class ImportStages(IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
{
    static readonly (string Stage, double Share)[] Shares =
    [
        ("checking", 5), ("reading", 40), ("validating", 25), ("pseudonymising", 5), ("loading", 20), ("refreshing", 5),
    ];

    string stage = "queued";
    long? rowsRead;

    public CancellationToken Token => cancellationToken;

    public void Enter(string next)
    {
        cancellationToken.ThrowIfCancellationRequested();
        stage = next;
        Report(0);
    }

    public void RowsRead(long rows) => rowsRead = rows;

    /// <summary>Runs one DuckDB step, reporting its progress and interrupting it when the import is cancelled.</summary>
    public T Track<T>(DuckDBConnection connection, Func<T> step)
    {
        using var poll = new Timer(_ =>
        {
            try
            {
                var p = connection.GetQueryProgress();
                if (p.Percentage >= 0) Report(p.Percentage);
            }
            catch (Exception e) when (e is DuckDBException or ObjectDisposedException or InvalidOperationException)
            {
                // The statement ended between two polls.
            }
        }, null, 250, 250);
        var stepRunning = true;
        var gate = new Lock();
        using var interrupt = cancellationToken.Register(() => new Thread(() =>
        {
            // DuckDB forgets an interrupt that comes between two statements of a step (the next one clears it), so a
            // cancelled step is interrupted every 20 ms until it ends. A thread of its own: the pool's timer ran up to
            // a second late while the host stopped. The gate keeps it off what follows the step (rollback, history).
            while (true)
            {
                lock (gate)
                {
                    if (!stepRunning) return;
                    Interrupt(connection);
                }
                Thread.Sleep(20);
            }
        }) { IsBackground = true, Name = "import interrupt" }.Start());
        try
        {
            return step();
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            lock (gate) stepRunning = false;
        }
    }

    static void Interrupt(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.Cancel();
    }

    public void Track(DuckDBConnection connection, Action step) => Track(connection, () => { step(); return 0; });

    void Report(double withinStage)
    {
        if (progress is null) return;
        double done = 0;
        foreach (var (name, share) in Shares)
        {
            if (name == stage) { done += share * Math.Clamp(withinStage, 0, 100) / 100; break; }
            done += share;
        }
        progress.Report(new ImportProgress(stage, Math.Round(done, 1), rowsRead));
    }
}
