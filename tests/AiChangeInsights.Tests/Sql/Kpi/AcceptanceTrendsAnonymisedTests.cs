using static AiChangeInsights.Tests.Sql.Kpi.SurveyFixture;

namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>acceptance_trends_anonymised, the works council's view: quarters, all surveys together, anonymised.</summary>
public sealed class AcceptanceTrendsAnonymisedTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    List<(string Quarter, string Department, long? N, double? Value, bool Suppressed)> TrustCells() =>
        test.Query<(string, string, long?, double?, bool)>("""
            select quarter, department, n, round(value, 2), suppressed from acceptance_trends_anonymised
            where construct = 'trust'
            order by quarter, department <> 'All', department
            """);

    [Fact]
    public void An_empty_warehouse_has_no_trends()
    {
        test.Scalar<long>("select count(*) from acceptance_trends_anonymised").ShouldBe(0);
        Roster(test, "Verkoop");
        test.Scalar<long>("select count(*) from acceptance_trends_anonymised").ShouldBe(0);
    }

    [Fact]
    public void A_quarter_pools_the_waves_of_every_survey_answered_in_it()
    {
        Setting(test, "min_group_size", "3");
        Roster(test, "Verkoop");
        TrustSurvey(test, "pulse_2025-01.csv", "2025-01-15 09:00", ("Verkoop", [4, 4, 5]));     // sum 13
        TrustSurvey(test, "onboarding.csv", "2025-03-20 09:00", ("Verkoop", [3, 3, 5]));        // sum 11, another survey
        TrustSurvey(test, "pulse_2025-04.csv", "2025-04-01 09:00", ("Verkoop", [2, 3, 4]));     // sum 9, next quarter

        TrustCells().ShouldBe([
            ("2025Q1", "All", 6, 4.0, false),        // (13 + 11) / 6 = 4.0
            ("2025Q1", "Verkoop", 6, 4.0, false),
            ("2025Q2", "All", 3, 3.0, false),        // 9 / 3
            ("2025Q2", "Verkoop", 3, 3.0, false),
        ]);
    }

    [Fact]
    public void The_works_council_sees_no_department_below_MinGroupSize_and_cannot_subtract_one_from_All()
    {
        Roster(test, "Directie", "Financiën & HR", "Productie", "Verkoop");
        TrustSurvey(test, "pulse_2025-02.csv", "2025-02-10 09:00",
            ("Directie", [5, 5]),                    // 2 < 5
            ("Financiën & HR", [3, 3, 4, 4, 2]),     // 5, the smallest visible: hidden with Directie
            ("Productie", [2, 3, 3, 3, 3, 3, 4]),    // 7, sum 21
            ("Verkoop", [4, 4, 4, 4, 4, 4]));        // 6, sum 24

        var cells = TrustCells();

        cells.ShouldBe([
            ("2025Q1", "All", 20, 3.55, false),      // (10 + 16 + 21 + 24) / 20 = 71 / 20
            ("2025Q1", "Directie", null, null, true),
            ("2025Q1", "Financiën & HR", null, null, true),
            ("2025Q1", "Productie", 7, 3.0, false),
            ("2025Q1", "Verkoop", 6, 4.0, false),
        ]);
        // All - visible = 20 - 7 - 6 = 7 >= 5 (Directie 2 + Financiën & HR 5)
        (cells[0].N - cells.Where(c => c.Department != "All" && !c.Suppressed).Sum(c => c.N)).ShouldBe(7);
    }

    [Fact]
    public void Monthly_pulses_do_not_add_up_to_a_visible_quarter_for_two_people_who_answered_three_times()
    {
        Import(test, "roster.csv", """
            email,department,rollout_date
            a@example.nl,Directie,2025-01-06
            b@example.nl,Directie,2025-01-06
            p@example.nl,Productie,2025-01-06
            v@example.nl,Verkoop,2025-01-06
            """);
        foreach (var month in new[] { "01", "02", "03" })
            Import(test, $"pulse_2025-{month}.csv",
                $"response_id,submitted_at,user,department,\"{Trust}\"\n" +
                $"D{month}a,2025-{month}-10 09:00,a@example.nl,Directie,2\n" +
                $"D{month}b,2025-{month}-10 09:00,b@example.nl,Directie,4\n" +
                string.Concat(Enumerable.Range(1, 6).Select(i => $"V{month}{i},2025-{month}-10 10:00,,Verkoop,4\n")) +
                string.Concat(Enumerable.Range(1, 7).Select(i => $"P{month}{i},2025-{month}-10 11:00,,Productie,3\n")));

        // Each month: Directie 2 (the same two people) < 5, and Verkoop (6, the smallest) hidden with it. Counted
        // over the quarter Directie has 6 responses, but from 2 people, and Verkoop's 18 = its three hidden months.
        // Both stay hidden: Productie 21 (3 x 7, sum 63) and All 45 ((6 + 24 + 21) x 3 = 153 / 45 = 3.4) are shown.
        TrustCells().ShouldBe([
            ("2025Q1", "All", 45, 3.4, false),
            ("2025Q1", "Directie", null, null, true),
            ("2025Q1", "Productie", 21, 3.0, false),
            ("2025Q1", "Verkoop", null, null, true),
        ]);
    }
}

/// <summary>The works council's view of the demo organisation.</summary>
[Collection("demo")]
public sealed class AcceptanceTrendsAnonymisedDemoTests(DemoWarehouse demo)
{
    [Fact]
    public void Directie_is_hidden_in_every_quarter_of_the_demo()
    {
        demo.Test.Query<(string Quarter, bool Hidden)>("""
            select quarter, bool_and(suppressed and n is null and value is null)
            from acceptance_trends_anonymised where department = 'Directie'
            group by quarter order by quarter
            """).ShouldBe([("2024Q4", true), ("2025Q1", true), ("2025Q2", true), ("2025Q4", true)]);
    }
}
