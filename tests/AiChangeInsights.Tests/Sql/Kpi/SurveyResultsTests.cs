using static AiChangeInsights.Tests.Sql.Kpi.SurveyFixture;

namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>survey_results: Likert means and the NPS per survey, wave and department, worked out by hand.</summary>
public sealed class SurveyResultsTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    List<(string Department, long? N, double? Value, bool Suppressed)> Results(string construct) =>
        test.Query<(string, long?, double?, bool)>("""
            select department, n, round(value, 2), suppressed from survey_results
            where construct = $construct
            order by department <> 'All', department
            """, new { construct });

    /// <summary>
    /// Two departments of the March pulse. Productie's P3 left trust empty (NULL) and P4 answered the reverse-keyed
    /// item with a blank; neither counts for that construct.
    /// </summary>
    void March()
    {
        Roster(test, "Productie", "Verkoop");
        Import(test, "pulse_2025-03.csv", $"""
            response_id,submitted_at,department,"{Trust}","{Complicated}","{Recommend}"
            V1,2025-03-10 09:00,Verkoop,4,2,9
            V2,2025-03-10 09:05,Verkoop,5,1,10
            V3,2025-03-10 09:10,Verkoop,3,3,6
            V4,2025-03-10 09:15,Verkoop,4,4,8
            V5,2025-03-10 09:20,Verkoop,4,2,10
            P1,2025-03-11 09:00,Productie,2,5,3
            P2,2025-03-11 09:05,Productie,3,4,5
            P3,2025-03-11 09:10,Productie,,2,9
            P4,2025-03-11 09:15,Productie,4, ,10
            P5,2025-03-11 09:20,Productie,3,1,7
            P6,2025-03-11 09:25,Productie,3,2,8
            """);
    }

    [Fact]
    public void An_empty_warehouse_has_no_survey_results()
    {
        test.Scalar<long>("select count(*) from survey_results").ShouldBe(0);
        Roster(test, "Verkoop");
        test.Scalar<long>("select count(*) from survey_results").ShouldBe(0);
    }

    [Fact]
    public void A_Likert_construct_is_the_mean_of_the_respondents_who_answered_it()
    {
        March();

        Results("trust").ShouldBe([
            ("All", 10, 3.5, false),        // (20 + 15) / (5 + 5) = 3.5
            ("Productie", 5, 3.0, false),   // P3 empty: (2 + 3 + 4 + 3 + 3) / 5 = 15 / 5 = 3.0
            ("Verkoop", 5, 4.0, false),     // (4 + 5 + 3 + 4 + 4) / 5 = 20 / 5 = 4.0
        ]);
        test.Query<(string Survey, DateTime Wave)>("select distinct survey, wave from survey_results")
            .ShouldBe([("Pulse", new DateTime(2025, 3, 1))]);
    }

    [Fact]
    public void A_reverse_keyed_item_is_turned_around_as_6_minus_the_answer()
    {
        March();

        // "ingewikkeld (R)" measures ease of use the wrong way round: 6 - x.
        Results("ease_of_use").ShouldBe([
            ("All", 10, 3.4, false),        // (18 + 16) / 10 = 3.4
            ("Productie", 5, 3.2, false),   // P4 blank: 5,4,2,1,2 -> 1,2,4,5,4 = 16 / 5 = 3.2
            ("Verkoop", 5, 3.6, false),     // 2,1,3,4,2 -> 4,5,3,2,4 = 18 / 5 = 3.6
        ]);
    }

    [Fact]
    public void Recommend_is_the_NPS_promoters_minus_detractors_over_all_who_answered()
    {
        March();

        // promoters 9-10, passives 7-8, detractors 0-6
        Results("recommend").ShouldBe([
            ("All", 11, 18.18, false),        // 5 promoters, 3 detractors of 11: (5 - 3) / 11 x 100 = 18.18
            ("Productie", 6, 0.0, false),     // 9, 10 promoters; 3, 5 detractors; 7, 8 passive: (2 - 2) / 6 = 0
            ("Verkoop", 5, 40.0, false),      // 9, 10, 10 promoters; 6 detractor; 8 passive: (3 - 1) / 5 x 100 = +40
        ]);
    }

    [Fact]
    public void A_respondents_score_is_the_mean_of_their_items_before_the_departments_mean()
    {
        Setting(test, "min_group_size", "3");
        Roster(test, "Verkoop");
        Import(test, "pulse_2025-03.csv", $"""
            response_id,submitted_at,department,"{Trust}","De antwoorden van AI zijn betrouwbaar."
            R1,2025-03-10 09:00,Verkoop,4,5
            R2,2025-03-10 09:05,Verkoop,2,
            R3,2025-03-10 09:10,Verkoop,3,4
            """);

        // R1 (4 + 5) / 2 = 4.5, R2 2 (one item), R3 (3 + 4) / 2 = 3.5 -> (4.5 + 2 + 3.5) / 3 = 3.33
        // (not the mean of the five answers, 18 / 5 = 3.6)
        Results("trust").ShouldBe([("All", 3, 3.33, false), ("Verkoop", 3, 3.33, false)]);
    }

    [Fact]
    public void Each_survey_and_each_run_of_its_responses_is_a_wave_of_its_own()
    {
        Setting(test, "min_group_size", "3");
        Roster(test, "Verkoop");
        TrustSurvey(test, "pulse_2025-03.csv", "2025-03-28 09:00", ("Verkoop", [4, 4, 4]));
        TrustSurvey(test, "pulse_late.csv", "2025-04-02 09:00", ("Verkoop", [2, 2, 2]));
        TrustSurvey(test, "onboarding.csv", "2025-03-10 09:00", ("Verkoop", [5, 5, 5]));
        TrustSurvey(test, "pulse_2025-06.csv", "2025-06-02 09:00", ("Verkoop", [3, 3, 3]));

        test.Query<(string Survey, DateTime Wave, long? N, double? Value)>("""
            select survey, wave, n, value from survey_results where department = 'Verkoop' order by survey, wave
            """).ShouldBe([
                ("Onboarding", new DateTime(2025, 3, 1), 3, 5.0),
                // 28 March and 2 April are 5 days apart, within the 21-day gap: one wave, dated by its first response's
                // month, (4 + 4 + 4 + 2 + 2 + 2) / 6 = 3.0. June comes 61 days later: a wave of its own.
                ("Pulse", new DateTime(2025, 3, 1), 6, 3.0),
                ("Pulse", new DateTime(2025, 6, 1), 3, 3.0),
            ]);
    }

    [Fact]
    public void A_department_below_MinGroupSize_has_no_n_and_no_value_instead_of_zero()
    {
        Roster(test, "Directie", "Verkoop", "Productie");
        TrustSurvey(test, "pulse_2025-03.csv", "2025-03-10 09:00",
            ("Directie", [1, 1]), ("Verkoop", [4, 4, 4, 4, 4]), ("Productie", [3, 3, 3, 3, 3, 3]));

        // Directie 2 < 5; the remainder 2 hides Verkoop (5, smallest) too: 13 - 6 = 7 >= 5.
        // All: (2 + 20 + 18) / 13 = 40 / 13 = 3.08
        Results("trust").ShouldBe([
            ("All", 13, 3.08, false),
            ("Directie", null, null, true),
            ("Productie", 6, 3.0, false),
            ("Verkoop", null, null, true),
        ]);
    }
}

/// <summary>survey_results on the demo organisation.</summary>
[Collection("demo")]
public sealed class SurveyResultsDemoTests(DemoWarehouse demo)
{
    [Fact]
    public void Every_wave_shows_All_on_its_14_constructs_and_hides_Directie_on_each()
    {
        demo.Test.Query<(DateTime Wave, long AllVisible, long DirectieHidden)>("""
            select wave,
                   count(*) filter (where department = 'All' and not suppressed),
                   count(*) filter (where department = 'Directie' and suppressed and n is null and value is null)
            from survey_results group by wave order by wave
            """).ShouldBe([
                (new DateTime(2024, 12, 1), 14, 14),
                (new DateTime(2025, 3, 1), 14, 14),
                (new DateTime(2025, 6, 1), 14, 14),
                (new DateTime(2025, 12, 1), 14, 14),
            ]);
    }
}
