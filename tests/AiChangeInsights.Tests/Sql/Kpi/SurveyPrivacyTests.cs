namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>
/// survey_cell_protected, the one privacy rule for survey numbers: primary suppression below MinGroupSize,
/// complementary suppression so that 'All' minus the visible departments never describes fewer than MinGroupSize
/// respondents, and no cell of another kind that gives a hidden wave cell away. Fixtures use the trust question only;
/// every n and mean below is counted by hand from the answers listed in the test.
/// </summary>
public sealed class SurveyPrivacyTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    /// <summary>The trust cells of the one wave, 'All' first; value rounded to 2 decimals.</summary>
    List<(string Department, long? N, double? Value, double? Numerator, long? Denominator, bool Suppressed)> TrustWave() =>
        test.Query<(string, long?, double?, double?, long?, bool)>("""
            select department, n, round(value, 2), numerator, denominator, suppressed
            from survey_cell_protected
            where cell_kind = 'wave' and construct = 'trust'
            order by department <> 'All', department
            """);

    /// <summary>What anyone can compute from the visible cells: 'All' minus the visible departments.</summary>
    static long Remainder(List<(string Department, long? N, double? Value, double? Numerator, long? Denominator, bool Suppressed)> cells) =>
        cells.Single(c => c.Department == "All").N!.Value - cells.Where(c => c.Department != "All" && !c.Suppressed).Sum(c => c.N!.Value);

    [Fact]
    public void An_empty_warehouse_has_no_survey_cells()
    {
        test.Scalar<long>("select count(*) from survey_cell_protected").ShouldBe(0);

        SurveyFixture.Roster(test, "Verkoop");
        test.Scalar<long>("select count(*) from survey_cell_protected").ShouldBe(0);
    }

    [Fact]
    public void A_department_below_MinGroupSize_is_hidden_never_shown_as_zero_and_the_smallest_other_department_is_hidden_with_it()
    {
        SurveyFixture.Roster(test, "Directie", "Financiën & HR", "Productie", "Verkoop");
        SurveyFixture.TrustSurvey(test, "pulse_2025-02.csv", "2025-02-10 09:00",
            ("Directie", [5, 5]),                    // 2 respondents < 5: primary suppression
            ("Financiën & HR", [3, 3, 4, 4, 2]),     // 5, the smallest visible department
            ("Productie", [2, 3, 3, 3, 3, 3, 4]),    // 7, sum 21
            ("Verkoop", [4, 4, 4, 4, 4, 4]));        // 6, sum 24

        var cells = TrustWave();

        // All: 2 + 5 + 7 + 6 = 20 respondents; (10 + 16 + 21 + 24) / 20 = 71 / 20 = 3.55.
        // Directie alone would leave All - visible = 2: Financiën & HR (5, the smallest) is hidden too -> 2 + 5 = 7.
        cells.ShouldBe([
            ("All", 20, 3.55, 71.0, 20, false),
            ("Directie", null, null, null, null, true),
            ("Financiën & HR", null, null, null, null, true),
            ("Productie", 7, 3.0, 21.0, 7, false),   // 21 / 7
            ("Verkoop", 6, 4.0, 24.0, 6, false),     // 24 / 6
        ]);
        // 20 - (7 + 6) = 7 >= 5: the hidden departments can only be seen together (their sum 71 - 21 - 24 = 26 over
        // 7 people), never Directie alone.
        Remainder(cells).ShouldBe(7);
    }

    [Fact]
    public void Between_equally_small_departments_the_complementary_step_hides_the_first_by_name()
    {
        SurveyFixture.Roster(test, "Directie", "Financiën & HR", "Productie", "Verkoop");
        SurveyFixture.TrustSurvey(test, "pulse_2025-02.csv", "2025-02-10 09:00",
            ("Directie", [4, 4]),
            ("Financiën & HR", [3, 3, 3, 3, 3]),
            ("Verkoop", [5, 5, 5, 5, 5]),
            ("Productie", [4, 4, 4, 4, 4, 4, 4]));

        var cells = TrustWave();

        // Directie 2 leaves a remainder of 2; Financiën & HR and Verkoop both have 5: 'F' < 'V', so Financiën & HR goes.
        cells.Where(c => c.Suppressed).Select(c => c.Department).ShouldBe(["Directie", "Financiën & HR"]);
        Remainder(cells).ShouldBe(2 + 5);
    }

    [Fact]
    public void Two_small_departments_that_together_reach_MinGroupSize_need_no_complementary_suppression()
    {
        SurveyFixture.Roster(test, "Directie", "Financiën & HR", "Verkoop");
        SurveyFixture.TrustSurvey(test, "pulse_2025-02.csv", "2025-02-10 09:00",
            ("Directie", [2, 4]),                 // 2 < 5
            ("Financiën & HR", [3, 3, 4]),        // 3 < 5
            ("Verkoop", [4, 4, 4, 4, 4, 4]));     // 6

        var cells = TrustWave();

        // All: 11 respondents, (6 + 10 + 24) / 11 = 40 / 11 = 3.64. Remainder 2 + 3 = 5 >= 5: Verkoop stays visible.
        cells.ShouldBe([
            ("All", 11, 3.64, 40.0, 11, false),
            ("Directie", null, null, null, null, true),
            ("Financiën & HR", null, null, null, null, true),
            ("Verkoop", 6, 4.0, 24.0, 6, false),
        ]);
        Remainder(cells).ShouldBe(5);
    }

    [Fact]
    public void A_respondent_outside_the_roster_counts_in_All_only_and_the_remainder_they_make_is_protected()
    {
        SurveyFixture.Roster(test, "Productie", "Verkoop");
        SurveyFixture.TrustSurvey(test, "pulse_2025-02.csv", "2025-02-10 09:00",
            ("Productie", [3, 3, 3, 3, 3, 3, 3]),   // 7, sum 21
            ("Stagiairs", [5]),                     // no such department in the roster
            ("Verkoop", [4, 4, 4, 4, 4, 4]));       // 6, sum 24

        var cells = TrustWave();

        // All: 7 + 1 + 6 = 14, (21 + 5 + 24) / 14 = 50 / 14 = 3.57. No 'Stagiairs' cell. All - Productie - Verkoop
        // would be the one trainee (n 1, their answer 5): Verkoop (6, the smallest) is hidden -> remainder 1 + 6 = 7.
        cells.ShouldBe([
            ("All", 14, 3.57, 50.0, 14, false),
            ("Productie", 7, 3.0, 21.0, 7, false),
            ("Verkoop", null, null, null, null, true),
        ]);
        Remainder(cells).ShouldBe(7);
    }

    [Fact]
    public void With_MinGroupSize_3_in_the_settings_a_department_of_3_is_shown()
    {
        SurveyFixture.Roster(test, "Directie", "Verkoop");
        SurveyFixture.TrustSurvey(test, "pulse_2025-02.csv", "2025-02-10 09:00",
            ("Directie", [3, 3, 3]),              // 3, sum 9
            ("Verkoop", [4, 4, 4, 4, 4, 4]));     // 6, sum 24

        // Default 5: Directie (3) hidden, and Verkoop with it (remainder 3 < 5): only All (9, 33 / 9 = 3.67) is left.
        TrustWave().Where(c => !c.Suppressed).Select(c => (c.Department, c.N, c.Value)).ShouldBe([("All", 9L, 3.67)]);

        SurveyFixture.Setting(test, "min_group_size", "3");

        TrustWave().Select(c => (c.Department, c.N, c.Value, c.Suppressed)).ShouldBe([
            ("All", 9, 3.67, false),
            ("Directie", 3, 3.0, false),    // 9 / 3
            ("Verkoop", 6, 4.0, false),     // 24 / 6
        ]);
        test.Query<int>("select distinct min_group_size from survey_cell_protected").ShouldBe([3]);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("1")]
    [InlineData("0")]
    public void A_MinGroupSize_below_3_in_the_settings_counts_as_3(string setting)
    {
        SurveyFixture.Roster(test, "Directie", "Financiën & HR", "Verkoop");
        SurveyFixture.TrustSurvey(test, "pulse_2025-02.csv", "2025-02-10 09:00",
            ("Directie", [3, 3, 3]),          // 3, sum 9
            ("Financiën & HR", [4, 4]),       // 2, sum 8
            ("Verkoop", [5, 5, 5, 5]));       // 4, sum 20

        SurveyFixture.Setting(test, "min_group_size", setting);

        // As 3: Financiën & HR (2) hidden; remainder 2 < 3 hides Directie (3, the smallest); Verkoop (4) stays:
        // 9 - 4 = 5 >= 3. (Taken literally nothing would be hidden; with the default 5 Verkoop would be hidden too.)
        var cells = TrustWave();
        cells.Select(c => (c.Department, c.N, c.Value, c.Suppressed)).ShouldBe([
            ("All", 9, 4.11, false),          // (9 + 8 + 20) / 9 = 37 / 9
            ("Directie", null, null, true),
            ("Financiën & HR", null, null, true),
            ("Verkoop", 4, 5.0, false),
        ]);
        Remainder(cells).ShouldBe(5);
        test.Query<int>("select distinct min_group_size from survey_cell_protected").ShouldBe([3]);
    }

    [Fact]
    public void When_All_itself_is_below_MinGroupSize_every_cell_of_the_wave_is_hidden()
    {
        SurveyFixture.Roster(test, "Productie", "Verkoop");
        SurveyFixture.TrustSurvey(test, "pulse_2025-02.csv", "2025-02-10 09:00",
            ("Productie", [3, 3]),
            ("Verkoop", [4, 4]));

        // 2 + 2 = 4 < 5
        TrustWave().ShouldBe([
            ("All", null, null, null, null, true),
            ("Productie", null, null, null, null, true),
            ("Verkoop", null, null, null, null, true),
        ]);
    }

    [Fact]
    public void A_checkpoint_cell_that_holds_a_wave_cell_hidden_by_the_complementary_step_is_hidden_too()
    {
        // Financiën & HR goes live in March, the others (and the organisation) in January.
        SurveyFixture.Import(test, "roster.csv", """
            email,department,rollout_date
            d@example.nl,Directie,2025-01-06
            f@example.nl,Financiën & HR,2025-03-03
            p@example.nl,Productie,2025-01-06
            v@example.nl,Verkoop,2025-01-06
            """);
        SurveyFixture.Setting(test, "go_live_month", "2025-01-01");
        SurveyFixture.TrustSurvey(test, "pulse_2025-02.csv", "2025-02-10 09:00",
            ("Directie", [3, 4]),                   // 2: primary suppression
            ("Financiën & HR", [2, 3, 3, 4, 3]),    // 5: hidden in the wave by the complementary step
            ("Productie", [3, 3, 3, 3, 3, 3, 3]),   // 7
            ("Verkoop", [4, 4, 4, 4, 4, 4]));       // 6

        var checkpoints = test.Query<(string Checkpoint, string Department, long? N, bool Suppressed)>("""
            select checkpoint, department, n, suppressed from survey_cell_protected
            where cell_kind = 'checkpoint' and construct = 'trust'
            order by checkpoint, department <> 'All', department
            """);

        // February is month 2 for the organisation and for Directie, Productie, Verkoop ('early'), but month 0 for
        // Financiën & HR ('baseline'): its baseline cell is exactly its hidden February wave cell. Shown (n 5, sum 15),
        // it would give Directie away: n 20 - 7 - 6 - 5 = 2 and sum (7 + 15 + 21 + 24) - 21 - 24 - 15 = 7, mean 3.5.
        checkpoints.ShouldBe([
            ("baseline", "Financiën & HR", null, true),
            ("early", "All", 20, false),
            ("early", "Directie", null, true),
            ("early", "Productie", 7, false),
            ("early", "Verkoop", 6, false),
        ]);
        // What the visible cells of both kinds leave: All 20 - Productie 7 - Verkoop 6 = 7 >= 5.
        var visible = checkpoints.Where(c => !c.Suppressed && c.Department != "All").Sum(c => c.N!.Value);
        (20 - visible).ShouldBe(7);
    }

    [Fact]
    public void A_month_that_holds_a_survey_wave_hidden_by_the_complementary_step_is_hidden_too()
    {
        SurveyFixture.Roster(test, "Directie", "Productie", "Verkoop");
        SurveyFixture.TrustSurvey(test, "pulse_2025-02.csv", "2025-02-10 09:00",
            ("Directie", [2, 2]),                   // 2: primary suppression
            ("Productie", [3, 3, 3, 3, 3, 3, 3]),   // 7
            ("Verkoop", [4, 4, 4, 4, 4, 4]));       // 6, the smallest: hidden in the Pulse wave
        SurveyFixture.TrustSurvey(test, "onboarding.csv", "2025-02-20 09:00",
            ("Verkoop", [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]));   // 10, alone in the Onboarding wave: shown

        var month = test.Query<(string Department, long? N, double? Value, bool Suppressed)>("""
            select department, n, round(value, 2), suppressed from survey_cell_protected
            where cell_kind = 'month' and construct = 'trust'
            order by department <> 'All', department
            """);

        // February over both surveys: Directie 2, Productie 7, Verkoop 6 + 10 = 16, All 25 ((4 + 21 + 24 + 50) / 25).
        // The month's own rule hides Directie and Productie (7, the smallest). Verkoop's 16 holds its hidden Pulse wave:
        // shown, 16 - 10 (Onboarding) = 6 would be that wave, and Pulse's All 15 - 7 - 6 = 2 would be Directie.
        month.ShouldBe([
            ("All", 25, 3.96, false),
            ("Directie", null, null, true),
            ("Productie", null, null, true),
            ("Verkoop", null, null, true),
        ]);
    }
}

/// <summary>The privacy rule on the demo organisation (seed-data/).</summary>
[Collection("demo")]
public sealed class SurveyPrivacyDemoTests(DemoWarehouse demo)
{
    readonly TestWarehouse test = demo.Test;

    [Fact]
    public void Directie_with_5_people_is_hidden_in_every_wave_and_every_construct()
    {
        // 4 respondents per wave (SeedDataTests): below 5 everywhere; 15 questions measure 14 constructs.
        test.Query<(DateTime Wave, long Cells, long Hidden)>("""
            select wave, count(*), count(*) filter (where suppressed and n is null and value is null)
            from survey_results where department = 'Directie'
            group by wave order by wave
            """).ShouldBe([
                (new DateTime(2024, 12, 1), 14, 14),
                (new DateTime(2025, 3, 1), 14, 14),
                (new DateTime(2025, 6, 1), 14, 14),
                (new DateTime(2025, 12, 1), 14, 14),
            ]);
    }

    [Fact]
    public void No_department_can_be_recovered_as_All_minus_the_visible_departments_in_any_wave_month_or_quarter()
    {
        // Checkpoint cells are left out: there 'All' counts from the organisation's go-live and each department from
        // its own, so 'All' is not their sum (the overlap rule covers them: see SurveyPrivacyTests).
        var remainders = test.Query<(string Kind, string Group, string Construct, long Remainder)>("""
            select cell_kind, coalesce(survey, '') || coalesce(wave::varchar, '') || coalesce(quarter, ''), construct,
                   max(n) filter (where department = 'All') - coalesce(sum(n) filter (where department <> 'All'), 0)
            from survey_cell_protected
            where cell_kind in ('wave', 'month', 'quarter')
            group by all
            """);

        remainders.Count.ShouldBe(3 * 4 * 14);   // 3 kinds x 4 waves (one per quarter) x 14 constructs
        remainders.Where(r => r.Remainder is > 0 and < 5).ShouldBeEmpty();
        // Directie (4 per wave) never stands alone: every trust remainder is at least 5.
        remainders.Where(r => r.Kind == "wave" && r.Construct == "trust").ShouldAllBe(r => r.Remainder >= 5);
    }

    [Fact]
    public void No_visible_month_quarter_or_checkpoint_cell_holds_a_hidden_wave_cell_of_its_department()
    {
        // E.g. Financiën & HR went live in March 2025: December is its month 10 ('monitoring'), the organisation's
        // month 12 ('long'); its monitoring cell is exactly its December wave cell, hidden there to protect Directie.
        test.Scalar<long>("""
            with wave as (
                select wave, construct, department from survey_cell_protected where cell_kind = 'wave' and suppressed
            )
            select count(*)
            from survey_cell_protected c
            join wave w using (construct, department)
            left join dim_department d using (department)
            left join dim_checkpoint k using (checkpoint)
            cross join dim_organisation o
            where not c.suppressed
              and (c.cell_kind = 'month' and c.wave = w.wave
                   or c.cell_kind = 'quarter' and c.quarter = strftime(w.wave, '%Y') || 'Q' || quarter(w.wave)
                   or c.cell_kind = 'checkpoint' and datediff('month', coalesce(d.first_go_live_month, o.go_live_month), w.wave) + 1
                                                     between k.month_from and k.month_to)
            """).ShouldBe(0);
        test.Scalar<bool>("""
            select suppressed from survey_cell_protected
            where department = 'Financiën & HR' and cell_kind = 'checkpoint' and checkpoint = 'monitoring' and construct = 'trust'
            """).ShouldBeTrue();
    }
}
