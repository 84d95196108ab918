namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>The seed article's patterns, built into the demo organisation, come out of the views.</summary>
[Collection("demo")]
public sealed class DemoPatternTests(DemoWarehouse demo)
{
    [Fact]
    public void Adoption_shows_a_novelty_peak_a_valley_of_about_a_third_and_stabilisation()
    {
        var curve = demo.Test.Query<(double Peak, int PeakMonth, double Trough, int TroughMonth, double Depth, double Stable, string Phase, bool Warning)>("""
            select peak_rate, peak_month, trough_rate, trough_month, valley_depth, stable_rate, phase_now, warning
            from adoption_curve_phases where cohort_kind = 'organisation'
            """).ShouldHaveSingleItem();

        curve.PeakMonth.ShouldBeInRange(1, 3);
        curve.TroughMonth.ShouldBeInRange(4, 9);
        curve.Depth.ShouldBeInRange(0.25, 0.42);             // "a valley of roughly a third"
        curve.Stable.ShouldBeInRange(curve.Trough, curve.Peak); // stabilisation between valley and peak
        curve.Phase.ShouldBe("stabilisation");
        curve.Warning.ShouldBeTrue();                         // deeper than the default 25 %
    }

    [Fact]
    public void Every_kpi_has_a_value_for_the_organisation_at_the_early_checkpoint_and_the_latest_month()
    {
        var missing = demo.Test.Query<string>("""
            select kpi || ' ' || checkpoint from kpi_matrix
            where department = 'All' and checkpoint in ('early', 'latest') and value is null
            """);
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void The_recommendation_score_rises_after_go_live_dips_at_six_months_and_recovers()
    {
        var nps = demo.Test.Query<(string Checkpoint, double Value)>(
            "select checkpoint, value from kpi_matrix where kpi = 'nps' and department = 'All' and checkpoint <> 'latest'")
            .ToDictionary(r => r.Checkpoint, r => r.Value);

        nps["early"].ShouldBeGreaterThan(nps["baseline"]);
        nps["mid"].ShouldBeLessThan(nps["early"]);
        nps["long"].ShouldBeGreaterThan(nps["mid"]);
    }

    [Fact]
    public void The_small_board_never_shows_a_survey_number_at_any_checkpoint()
    {
        demo.Test.Scalar<long>("""
            select count(*) from kpi_matrix k join kpi_definition d using (kpi)
            where d.source like 'survey:%' and k.department = 'Directie' and (k.value is not null or k.numerator is not null)
            """).ShouldBe(0);
        demo.Test.Scalar<long>("""
            select count(*) from kpi_monthly where department = 'Directie' and dimension = 'acceptance' and not suppressed
            """).ShouldBe(0);
    }

    [Fact]
    public void Training_participation_grows_and_ai_support_need_falls_after_the_first_months()
    {
        var participation = demo.Test.Query<double>(
            "select value from kpi_matrix where kpi = 'training_participation' and department = 'All' and checkpoint in ('early', 'mid', 'long') order by checkpoint_order");
        participation.ShouldBeInOrder(SortDirection.Ascending);
        var tickets = demo.Test.Query<(string Checkpoint, double Value)>(
            "select checkpoint, value from kpi_matrix where kpi = 'support_tickets_per_100' and department = 'All' and checkpoint in ('early', 'mid')")
            .ToDictionary(r => r.Checkpoint, r => r.Value);
        tickets["mid"].ShouldBeLessThan(tickets["early"]);
    }
}
