using Dapper;

namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>kpi_matrix and checkpoint_comparison on <see cref="SmallOrganisation"/> (go-live January 2025 = month 1).</summary>
public sealed class KpiMatrixTests : IDisposable
{
    readonly TestWarehouse test = new();

    public KpiMatrixTests() => SmallOrganisation.Load(test);

    public void Dispose() => test.Dispose();

    (double? Value, string Status) Cell(string kpi, string checkpoint, string department) =>
        test.Query<(double?, string)>("""
            select value, status from kpi_matrix where kpi = $kpi and checkpoint = $checkpoint and department = $department
            """, new { kpi, checkpoint, department }).ShouldHaveSingleItem();

    [Fact]
    public void A_checkpoint_pools_numerators_and_denominators_over_its_months()
    {
        // baseline Oct-Dec: no usage export covers it, so no data (not 0 %) and no traffic light
        Cell("adoption_rate", "baseline", "All").ShouldBe((null, "none"));
        // early = months 1-3: January 3/5 and February 1/5 (March has no data) -> (3 + 1) / (5 + 5) = 0.4 -> amber (>= 0.40)
        Cell("adoption_rate", "early", "All").ShouldBe((0.4, "amber"));
        // mid = months 4-6: April 4/5 = 0.8 -> green (>= 0.60)
        Cell("adoption_rate", "mid", "All").ShouldBe((0.8, "green"));
        // long = month 12+: no data
        Cell("adoption_rate", "long", "All").ShouldBe((null, "none"));
        // latest = April
        Cell("adoption_rate", "latest", "All").ShouldBe((0.8, "green"));
        // Verkoop early: (2 + 1) / (3 + 3) = 0.5
        Cell("adoption_rate", "early", "Verkoop").ShouldBe((0.5, "amber"));
    }

    [Fact]
    public void Lower_is_better_for_support_tickets()
    {
        // early: January 1 AI ticket, February 0, over 3 + 1 active -> 100 x 1 / 4 = 25 -> above amber 20 -> red
        Cell("support_tickets_per_100", "early", "All").ShouldBe((25.0, "red"));
        // mid: April 2 tickets / 4 active -> 50 -> red; a target of 60 makes it green
        test.Warehouse.Write(c => c.Execute("insert into kpi_target (kpi, department, target, amber) values ('support_tickets_per_100', 'All', 60, 80)"));
        test.Warehouse.Refresh("kpi_target");
        Cell("support_tickets_per_100", "mid", "All").ShouldBe((50.0, "green"));
    }

    [Fact]
    public void Targets_come_from_the_department_then_All_then_the_kpi_file()
    {
        test.Query<(double Target, double Amber)>("select target, amber from kpi_matrix where kpi = 'adoption_rate' and checkpoint = 'mid' and department = 'All'")
            .ShouldBe([(0.6, 0.4)]);
        test.Warehouse.Write(c => c.Execute("""
            insert into kpi_target (kpi, department, target, amber) values
                ('adoption_rate', 'All', 0.9, 0.5), ('adoption_rate', 'Verkoop', 0.5, 0.3)
            """));
        test.Warehouse.Refresh("kpi_target");

        Cell("adoption_rate", "mid", "All").ShouldBe((0.8, "amber"));        // 0.8 < 0.9 but >= 0.5
        Cell("adoption_rate", "mid", "Verkoop").Status.ShouldBe("green");    // 2/3 >= 0.5
        Cell("adoption_rate", "mid", "Productie").Status.ShouldBe("green");  // 2/2 = 1.0 >= 0.9
    }

    [Fact]
    public void Every_kpi_has_a_cell_for_every_checkpoint_and_department()
    {
        // 20 KPIs x 5 checkpoints (baseline, early, mid, long, latest) x 3 departments (Verkoop, Productie, All)
        test.Scalar<long>("select count(*) from kpi_matrix").ShouldBe(20 * 5 * 3);
        test.Scalar<long>("select count(*) from kpi_matrix where value is null and status <> 'none'").ShouldBe(0);
    }

    [Fact]
    public void Checkpoint_comparison_shows_each_checkpoint_and_its_change_against_the_baseline()
    {
        var row = test.Query<(double? Baseline, double? Early, double? Mid, double? Long, double? DeltaEarly, double? DeltaMid, double? DeltaLong)>("""
            select baseline, early, mid, long, delta_early, delta_mid, delta_long
            from checkpoint_comparison where kpi = 'adoption_rate' and department = 'All'
            """).ShouldHaveSingleItem();

        // No usage data before go-live: no baseline, so no change against it.
        row.ShouldBe((null, 0.4, 0.8, null, null, null, null));
    }

    [Fact]
    public void The_error_rate_change_is_zero_at_baseline_and_negative_after_go_live()
    {
        // baseline: ((10 - 10) + (12 - 10) + (8 - 10)) / (10 x 3) = 0; early: January (8 - 10) / 10 = -0.2 -> green (<= -0.15)
        Cell("error_rate_change", "baseline", "Verkoop").ShouldBe((0.0, "none"));
        Cell("error_rate_change", "early", "Verkoop").ShouldBe((-0.2, "green"));
    }

    [Fact]
    public void An_empty_warehouse_still_lists_every_kpi_without_values()
    {
        using var empty = new TestWarehouse();
        empty.Scalar<long>("select count(*) from kpi_matrix").ShouldBe(20 * 5);
        empty.Scalar<long>("select count(*) from kpi_matrix where value is not null or status <> 'none'").ShouldBe(0);
    }
}
