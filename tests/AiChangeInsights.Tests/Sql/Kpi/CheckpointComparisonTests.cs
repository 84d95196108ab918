namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>checkpoint_comparison's per-checkpoint suppression flags and target, on the demo organisation.</summary>
[Collection("demo")]
public sealed class CheckpointComparisonTests(DemoWarehouse demo)
{
    [Fact]
    public void A_survey_kpi_of_the_five_person_board_is_suppressed_at_every_checkpoint_and_has_no_values()
    {
        var row = demo.Test.Query<(bool B, bool E, bool M, bool L, double? Baseline, double? Early, double? DeltaLong)>("""
            select baseline_suppressed, early_suppressed, mid_suppressed, long_suppressed, baseline, early, delta_long
            from checkpoint_comparison where kpi = 'satisfaction' and department = 'Directie'
            """).ShouldHaveSingleItem();

        row.ShouldBe((true, true, true, true, null, null, null));
    }

    [Fact]
    public void The_flags_and_the_target_agree_with_the_kpi_matrix_cell_by_cell()
    {
        var mismatches = demo.Test.Query<string>("""
            select c.kpi || ' ' || c.department || ' ' || m.checkpoint
            from checkpoint_comparison c
            join kpi_matrix m using (kpi, department)
            where m.suppressed is distinct from case m.checkpoint
                    when 'baseline' then c.baseline_suppressed when 'early' then c.early_suppressed
                    when 'mid' then c.mid_suppressed when 'long' then c.long_suppressed else c.latest_suppressed end
               or m.target is distinct from c.target
            """);
        mismatches.ShouldBeEmpty();
        demo.Test.Scalar<long>("select count(*) from checkpoint_comparison where any_suppressed and department = 'All'").ShouldBe(0);
    }
}
