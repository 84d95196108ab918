using AiChangeInsights.Cli;
using AiChangeInsights.Web.Charts;

namespace AiChangeInsights.Tests.Cli;

/// <summary>`aci bench` reports on every contract view and every chart, and `make bench` rewrites only its own README block.</summary>
public sealed class BenchTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void Every_contract_view_and_every_chart_query_is_timed_with_its_ratio_to_bare_DuckDB()
    {
        DemoWarehouse.ImportSeedData(test);
        test.Close();
        var output = new StringWriter();

        Aci.Run(["bench", "--db", Path.Combine(test.Folder, "warehouse.duckdb"), "--runs", "1"], output, output).ShouldBe(0, output.ToString());

        var lines = output.ToString().Split('\n');
        foreach (var view in BenchViews.ContractViews)
            lines.ShouldContain(l => l.StartsWith($"  {view}: ", StringComparison.Ordinal) && l.Contains("p95"), $"no timing for {view}");
        var charts = typeof(ChartDefinition).Assembly.GetTypes().Count(t => !t.IsAbstract && t.IsSubclassOf(typeof(ChartDefinition)));
        charts.ShouldBeGreaterThan(10);
        lines.Count(l => l.StartsWith("  chart ", StringComparison.Ordinal) && l.Contains("ratio")).ShouldBe(charts);
    }

    [Fact]
    public void The_import_bench_runs_the_product_DuckDB_alone_and_the_unavoidable_step_on_the_same_rows()
    {
        var output = new StringWriter();

        var result = BenchImport.Measure(rows: 3000, runs: 1, xlsxRows: 20, output);

        // Each path in its own aci process and database: the import loads every row, read_csv reads every row, and the
        // core step's person-day sums hold every row as an event (3,000 rows, 2,000 people on 2 days: no key repeats).
        result.Product.Single().Rows.ShouldBe(3000, output.ToString());
        result.Native.Single().Rows.ShouldBe(3000);
        result.Core.Single().Rows.ShouldBe(3000);
        result.XlsxRows.ShouldBe(20);
        result.CoreMedianRatio.ShouldBe(result.Core[0].Milliseconds / result.Native[0].Milliseconds, 1e-9);
        output.ToString().ShouldContain("summing to the daily grain alone");
    }

    [Fact]
    public void The_README_block_between_the_bench_markers_is_replaced_and_nothing_else()
    {
        var readme = Path.Combine(test.Folder, "README.md");
        File.WriteAllText(readme, "# Title\n\n## Performance\n\n<!-- bench:start -->\nold figures\n<!-- bench:end -->\n\nafter\n");

        BenchAll.WriteIntoReadme(readme, "| new | figures |\n");

        File.ReadAllText(readme).ShouldBe("# Title\n\n## Performance\n\n<!-- bench:start -->\n| new | figures |\n<!-- bench:end -->\n\nafter\n");
    }

    [Fact]
    public void A_README_without_the_markers_is_left_alone_with_a_clear_message()
    {
        var readme = Path.Combine(test.Folder, "README.md");
        File.WriteAllText(readme, "# Title\n");

        Should.Throw<UsageException>(() => BenchAll.WriteIntoReadme(readme, "x")).Message.ShouldContain("bench:start");
        File.ReadAllText(readme).ShouldBe("# Title\n");
    }
}
