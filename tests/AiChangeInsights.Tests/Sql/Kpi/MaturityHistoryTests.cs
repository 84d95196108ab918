using static AiChangeInsights.Tests.Sql.Kpi.SurveyFixture;

namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>
/// maturity_department_history (each department's stage per assessment round, carried forward) and
/// maturity_stage_history (departments per stage per round), worked out by hand.
/// </summary>
public sealed class MaturityHistoryTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    /// <summary>
    /// Rounds January, June and December 2025. Verkoop climbs 1 -> 3 and falls back to 2; Productie is assessed only in
    /// January; Directie only from June, twice in June (the later, 3, wins).
    /// </summary>
    void Assessments() => Import(test, "maturity.csv", """
        assessed_at,department,stage
        2025-01-15,Verkoop,1
        2025-01-20,Productie,2
        2025-06-15,Verkoop,3
        2025-06-10,Directie,2
        2025-06-25,Directie,3
        2025-12-15,Verkoop,2
        2025-12-15,Directie,3
        """);

    static DateOnly M(int month) => new(2025, month, 1);

    [Fact]
    public void Without_assessments_both_views_are_empty()
    {
        test.Scalar<long>("select count(*) from maturity_department_history").ShouldBe(0);
        test.Scalar<long>("select count(*) from maturity_stage_history").ShouldBe(0);
    }

    [Fact]
    public void A_department_keeps_its_last_stage_in_rounds_it_was_not_assessed_and_the_change_is_against_its_previous_round()
    {
        Assessments();

        test.Query<(string Department, DateOnly Month, bool Assessed, int Stage, int? Previous, int? Change, bool Latest)>("""
            select department, month, assessed_in_round, stage, previous_stage, stage_change, is_latest_round
            from maturity_department_history order by department, month
            """).ShouldBe([
                ("Directie",  M(6),  true,  3, null, null, false),  // first round June: 25 June (3) beats 10 June (2)
                ("Directie",  M(12), true,  3, 3,    0,    true),
                ("Productie", M(1),  true,  2, null, null, false),
                ("Productie", M(6),  false, 2, 2,    0,    false),  // not assessed since January: carried forward
                ("Productie", M(12), false, 2, 2,    0,    true),
                ("Verkoop",   M(1),  true,  1, null, null, false),
                ("Verkoop",   M(6),  true,  3, 1,    2,    false),  // up two stages
                ("Verkoop",   M(12), true,  2, 3,    -1,   true),   // down one
            ]);
        test.Query<(string, string)>("select distinct name_en, name_nl from maturity_department_history where stage = 3")
            .ShouldBe([("Strategic alignment", "Strategische uitlijning")]);
    }

    [Fact]
    public void Each_round_counts_the_departments_assessed_by_then_on_each_of_the_five_stages()
    {
        Assessments();

        test.Query<(DateOnly Month, int Stage, long Units, double Share, string? Departments)>("""
            select month, stage, units, share, departments from maturity_stage_history order by month, stage
            """).ShouldBe([
                // January: Verkoop 1, Productie 2 -> 2 departments
                (M(1), 1, 1, 0.5, "Verkoop"), (M(1), 2, 1, 0.5, "Productie"), (M(1), 3, 0, 0.0, null), (M(1), 4, 0, 0.0, null), (M(1), 5, 0, 0.0, null),
                // June: Productie 2 (carried), Directie 3, Verkoop 3 -> 3 departments
                (M(6), 1, 0, 0.0, null), (M(6), 2, 1, 1.0 / 3, "Productie"), (M(6), 3, 2, 2.0 / 3, "Directie, Verkoop"), (M(6), 4, 0, 0.0, null), (M(6), 5, 0, 0.0, null),
                // December: Productie 2, Verkoop 2, Directie 3
                (M(12), 1, 0, 0.0, null), (M(12), 2, 2, 2.0 / 3, "Productie, Verkoop"), (M(12), 3, 1, 1.0 / 3, "Directie"), (M(12), 4, 0, 0.0, null), (M(12), 5, 0, 0.0, null),
            ]);
    }

    [Fact]
    public void The_last_round_is_the_distribution_of_maturity_distribution()
    {
        Assessments();

        test.Query<(int Stage, long Units)>("select stage, units from maturity_stage_history where month = (select max(month) from maturity_stage_history) order by stage")
            .ShouldBe(test.Query<(int Stage, long Units)>("select stage, units from maturity_distribution order by stage"));
    }
}
