using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Tests.Ingest;

/// <summary>
/// The usage load switches DuckDB's global preserve_insertion_order off for its one large insert; whatever happens to
/// the load, it is on again afterwards, for every other query of the process.
/// </summary>
public sealed class UsageLoadTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    bool KeepsInsertionOrder() =>
        test.Scalar<string>("select value from duckdb_settings() where name = 'preserve_insertion_order'") == "true";

    [Fact]
    public void Insertion_order_is_kept_again_after_a_load_and_after_a_load_that_fails_halfway()
    {
        test.Import(test.File("ok.csv", "date,user,tool,actions\n2025-01-06,an@example.nl,Copilot,3\n")).Status.ShouldBe(ImportSummary.Loaded);
        KeepsInsertionOrder().ShouldBeTrue();

        // Two rows of the same key with 2,000,000,000 actions each pass every value check, but their sum does not fit the
        // column: the insert fails after the setting was switched off.
        var failed = test.Import(test.File("huge.csv",
            "date,user,tool,actions\n2025-01-07,an@example.nl,Copilot,2000000000\n2025-01-07,an@example.nl,Copilot,2000000000\n"));

        failed.Status.ShouldBe(ImportSummary.Rejected);
        KeepsInsertionOrder().ShouldBeTrue();
        test.Scalar<long>("select count(*) from raw_usage").ShouldBe(1);
    }
}
