using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Web.Imports;

namespace AiChangeInsights.Tests.Web.Imports;

/// <summary>The live side of running imports: their progress, and the Cancel button's answer.</summary>
public sealed class ImportProgressBoardTests
{
    [Fact]
    public void A_running_import_is_cancelled()
    {
        var board = new ImportProgressBoard();
        var token = board.Start(7);

        board.Cancel(7).ShouldBeTrue();
        token.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public void Once_the_import_has_returned_a_cancel_answers_false_while_its_progress_still_shows()
    {
        // The job's final state is written after the import returns; a Cancel that sees that state must not say it
        // cancelled something (it did, now and then, until the job had fully ended).
        var board = new ImportProgressBoard();
        var token = board.Start(7);
        board.Reporter(7).Report(new ImportProgress("refreshing", 98, 10));

        board.Returned(7);

        board.Cancel(7).ShouldBeFalse();
        token.IsCancellationRequested.ShouldBeFalse();
        board.Of(7)!.Stage.ShouldBe("refreshing");
        board.End(7);
        board.Of(7).ShouldBeNull();
    }
}
