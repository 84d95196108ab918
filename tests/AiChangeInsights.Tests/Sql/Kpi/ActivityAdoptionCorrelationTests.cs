using Dapper;

namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>
/// activity_adoption_correlation on a tiny organisation written straight into the raw tables; every expected number
/// is worked out by hand in the comments.
/// </summary>
public sealed class ActivityAdoptionCorrelationTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    const double Precision = 1e-9;

    /// <summary>
    /// Verkoop: p1 (employee), p2 (manager); Inkoop: p3 (employee), p4 (leadership); all in the target group, rollout
    /// 6 January 2025. p5 (Inkoop) is outside the target group; p6 is in no roster. Usage exists in January, February
    /// and April 2025, none in March: the months with usage data are Jan, Feb, Apr (Nov, Dec and Mar are on dim_month
    /// without it), and the units are
    /// Verkoop and Inkoop x Jan, Feb, Apr (6). Who is active (x):
    ///
    ///          Jan  Feb  Apr          department adoption
    ///     p1    x    x    .           Verkoop: Jan 2/2 = 1.0, Feb 1/2 = 0.5, Apr 1/2 = 0.5
    ///     p2    x    .    x
    ///     p3    x    .    .           Inkoop:  Jan 1/2 = 0.5, Feb 1/2 = 0.5, Apr 1/2 = 0.5
    ///     p4    .    x    x
    ///
    /// Activities: workshop Jan p1, p2, p3; Feb p5 (outside the target group) and p6 (no roster, though the row names
    /// Verkoop); Mar p4 (a month without usage data); Apr p1. AI breakfast Dec 2024 (before go-live) p1, p3.
    /// Communication Feb to Verkoop with a head count of 2.
    /// </summary>
    void WriteOrganisation()
    {
        test.Warehouse.Write(c => c.Execute("""
            insert into person values (1, 'k1', 1), (2, 'k2', 1), (3, 'k3', 1), (4, 'k4', 1), (5, 'k5', 1), (6, 'k6', 1);
            insert into raw_roster (import_id, line, person_id, department, role, champion, target_group, rollout_date) values
                (1, 2, 1, 'Verkoop', 'employee',   false, true,  date '2025-01-06'),
                (1, 3, 2, 'Verkoop', 'manager',    false, true,  date '2025-01-06'),
                (1, 4, 3, 'Inkoop',  'employee',   false, true,  date '2025-01-06'),
                (1, 5, 4, 'Inkoop',  'leadership', false, true,  date '2025-01-06'),
                (1, 6, 5, 'Inkoop',  'employee',   false, false, date '2025-01-06');
            insert into raw_usage (import_id, person_id, usage_date, tool, feature, events, active_minutes, actions) values
                (1, 1, date '2025-01-10', 'Copilot', '', 1, 5, 1),
                (1, 2, date '2025-01-10', 'Copilot', '', 1, 5, 1),
                (1, 3, date '2025-01-10', 'Copilot', '', 1, 5, 1),
                (1, 6, date '2025-01-10', 'Copilot', '', 1, 5, 1),
                (1, 1, date '2025-02-10', 'Copilot', '', 1, 5, 1),
                (1, 4, date '2025-02-10', 'Copilot', '', 1, 5, 1),
                (1, 2, date '2025-04-10', 'Copilot', '', 1, 5, 1),
                (1, 4, date '2025-04-10', 'Copilot', '', 1, 5, 1);
            insert into raw_activity values
                (1, 2,  date '2024-12-12', 'ai_breakfast',  'AI-ontbijt',          1, null,      1,    null, 1),
                (1, 3,  date '2024-12-12', 'ai_breakfast',  'AI-ontbijt',          1, null,      3,    null, 1),
                (1, 4,  date '2025-01-15', 'workshop',      'Workshop',            2, null,      1,    null, 2),
                (1, 5,  date '2025-01-15', 'workshop',      'Workshop',            2, null,      2,    null, 2),
                (1, 6,  date '2025-01-16', 'workshop',      'Workshop',            2, null,      3,    null, 2),
                (1, 7,  date '2025-02-12', 'workshop',      'Workshop',            2, null,      5,    null, 2),
                (1, 8,  date '2025-02-12', 'workshop',      'Workshop',            2, 'Verkoop', 6,    null, 2),
                (1, 9,  date '2025-02-20', 'communication', 'Nieuwsbrief',         1, 'Verkoop', null, 2,    0.25),
                (1, 10, date '2025-03-12', 'workshop',      'Workshop',            2, null,      4,    null, 2),
                (1, 11, date '2025-04-09', 'workshop',      'Workshop',            2, null,      1,    null, 2);
            """ + TestWarehouse.RecordUsageWindows));
        test.Warehouse.Refresh("raw_roster", "raw_usage", "raw_usage_window", "raw_activity", "person");
    }

    Row Get(string type, int lag) => Rows(test).Single(r => r.ActivityType == type && r.LagMonths == lag);

    internal static List<Row> Rows(TestWarehouse warehouse) => warehouse.Query<Row>("""
        select activity_type as ActivityType, label_en as LabelEn, label_nl as LabelNl, lag_months as LagMonths,
               n_units as NUnits, r as R, ci_low as CiLow, ci_high as CiHigh,
               participant_months as ParticipantMonths, non_participant_months as NonParticipantMonths,
               adoption_participants as AdoptionParticipants, adoption_non_participants as AdoptionNonParticipants, uplift as Uplift
        from activity_adoption_correlation
        order by activity_type, lag_months
        """);

    [Fact]
    public void An_empty_warehouse_gives_no_rows_and_no_error() =>
        Rows(test).ShouldBeEmpty();

    [Fact]
    public void Each_activity_type_in_the_data_gets_a_row_for_lag_0_and_lag_1_with_its_labels()
    {
        WriteOrganisation();

        Rows(test).Select(r => (r.ActivityType, r.LagMonths, r.LabelEn, r.LabelNl)).ShouldBe([
            ("ai_breakfast", 0, "AI breakfast / lunch-and-learn", "AI-ontbijt / lunch-and-learn"),
            ("ai_breakfast", 1, "AI breakfast / lunch-and-learn", "AI-ontbijt / lunch-and-learn"),
            ("communication", 0, "Communication", "Communicatie"),
            ("communication", 1, "Communication", "Communicatie"),
            ("workshop", 0, "Workshop", "Workshop"),
            ("workshop", 1, "Workshop", "Workshop"),
        ]);
    }

    [Fact]
    public void Workshop_exposure_correlates_with_adoption_in_the_same_month_and_participants_adopt_more()
    {
        WriteOrganisation();
        var row = Get("workshop", 0);

        // Exposure = target-group participants / 2 target-group people; p5 (outside the target group) and p6 (no
        // roster) do not count, and March (p4) is no unit:
        //   x = Verkoop Jan 2/2 = 1, Feb 0, Apr 1/2 = 0.5; Inkoop Jan 1/2 = 0.5, Feb 0, Apr 0
        //   y = 1, 0.5, 0.5; 0.5, 0.5, 0.5
        // mean x = 2/6 = 1/3, mean y = 3.5/6 = 7/12
        // Sxy = (2/3)(5/12) + (-1/12)(1/6 + 1/6 - 1/3 - 1/3 - 1/3) = 10/36 + 2/36 = 1/3
        // Sxx = 4/9 + 1/9 + 1/36 + 1/36 + 1/9 + 1/9 = 5/6;  Syy = 25/144 + 5 x 1/144 = 5/24
        // r = (1/3) / sqrt(5/6 x 5/24) = (1/3) / (5/12) = 0.8
        row.NUnits.ShouldBe(6);
        row.R!.Value.ShouldBe(0.8, Precision);
        // z = atanh(0.8) = ln 3; se = 1/sqrt(6 - 3)
        row.CiLow!.Value.ShouldBe(Math.Tanh(Math.Log(3) - 1.959964 / Math.Sqrt(3)), Precision);  // -0.033
        row.CiHigh!.Value.ShouldBe(Math.Tanh(Math.Log(3) + 1.959964 / Math.Sqrt(3)), Precision); //  0.977

        // Person-months Jan, Feb, Apr of p1..p4 = 12. p1, p2, p3 took part in January, p4 in March:
        // participants: p1 Jan Feb Apr (2 active), p2 Jan Feb Apr (2), p3 Jan Feb Apr (1), p4 Apr (1) = 6 of 10 = 0.6
        // non-participants: p4 Jan (not active), Feb (active) = 1 of 2 = 0.5; uplift 0.6 - 0.5 = 0.1
        (row.ParticipantMonths, row.NonParticipantMonths).ShouldBe((10L, 2L));
        row.AdoptionParticipants!.Value.ShouldBe(0.6, Precision);
        row.AdoptionNonParticipants!.Value.ShouldBe(0.5, Precision);
        row.Uplift!.Value.ShouldBe(0.1, Precision);
    }

    [Fact]
    public void A_lag_of_one_month_skips_units_at_the_end_of_the_data_and_before_a_month_without_data()
    {
        WriteOrganisation();
        var row = Get("workshop", 1);

        // Only January has a next month with usage data: March (after February) has none, April is the last month.
        // Units: Verkoop Jan (x = 1, adoption Feb = 0.5), Inkoop Jan (x = 0.5, adoption Feb = 0.5): two units whose
        // adoption does not vary, so r is undefined and there is no interval.
        row.NUnits.ShouldBe(2);
        row.R.ShouldBeNull();
        row.CiLow.ShouldBeNull();
        row.CiHigh.ShouldBeNull();

        // Person-months with a following month: Jan of p1..p4, outcome = active in February.
        // participants p1, p2, p3: p1 active, p2 not, p3 not = 1 of 3; non-participant p4: active = 1 of 1
        // uplift 1/3 - 1 = -2/3
        (row.ParticipantMonths, row.NonParticipantMonths).ShouldBe((3L, 1L));
        row.AdoptionParticipants!.Value.ShouldBe(1.0 / 3, Precision);
        row.AdoptionNonParticipants!.Value.ShouldBe(1.0, Precision);
        row.Uplift!.Value.ShouldBe(-2.0 / 3, Precision);
    }

    [Fact]
    public void A_head_count_row_counts_its_participants_and_has_no_person_level_comparison()
    {
        WriteOrganisation();
        var row = Get("communication", 0);

        // x = Verkoop Jan 0, Feb 2/2 = 1, Apr 0; Inkoop 0, 0, 0; y as for the workshop: 1, 0.5, 0.5; 0.5, 0.5, 0.5
        // mean x = 1/6, mean y = 7/12
        // Sxy = (-1/6)(5/12) + (5/6)(-1/12) + 4 x (-1/6)(-1/12) = (-5 - 5 + 4)/72 = -1/12
        // Sxx = 5 x 1/36 + 25/36 = 5/6;  Syy = 5/24;  r = (-1/12) / (5/12) = -0.2
        row.NUnits.ShouldBe(6);
        row.R!.Value.ShouldBe(-0.2, Precision);
        row.CiLow!.Value.ShouldBe(Math.Tanh(Math.Atanh(-0.2) - 1.959964 / Math.Sqrt(3)), Precision);
        row.CiHigh!.Value.ShouldBe(Math.Tanh(Math.Atanh(-0.2) + 1.959964 / Math.Sqrt(3)), Precision);

        // No participant is named: every one of the 12 person-months is a non-participant month, and nothing is compared.
        (row.ParticipantMonths, row.NonParticipantMonths).ShouldBe((0L, 12L));
        row.AdoptionParticipants.ShouldBeNull();
        row.AdoptionNonParticipants.ShouldBeNull();
        row.Uplift.ShouldBeNull();
    }

    [Fact]
    public void An_activity_held_only_before_go_live_has_no_correlation_but_still_compares_participants()
    {
        WriteOrganisation();
        var now = Get("ai_breakfast", 0);
        var next = Get("ai_breakfast", 1);

        // December 2024 is before both departments' go-live: exposure is 0 in all 6 units, so r is undefined.
        now.NUnits.ShouldBe(6);
        now.R.ShouldBeNull();
        now.CiLow.ShouldBeNull();

        // Participants p1, p3 from December on: p1 Jan Feb Apr (2 active) + p3 (1) = 3 of 6 = 0.5
        // non-participants p2 (2 active) + p4 (2 active) = 4 of 6 = 2/3; uplift 0.5 - 2/3 = -1/6
        now.AdoptionParticipants!.Value.ShouldBe(0.5, Precision);
        now.AdoptionNonParticipants!.Value.ShouldBe(2.0 / 3, Precision);
        now.Uplift!.Value.ShouldBe(-1.0 / 6, Precision);

        // Lag 1, January only, outcome February: p1 active, p3 not = 1/2; p2 not, p4 active = 1/2; uplift 0
        next.AdoptionParticipants!.Value.ShouldBe(0.5, Precision);
        next.AdoptionNonParticipants!.Value.ShouldBe(0.5, Precision);
        next.Uplift!.Value.ShouldBe(0.0, Precision);
    }

    [Fact]
    public void Fewer_than_four_units_give_r_without_an_interval()
    {
        // One department of two (p1, p2), rollout January 2025. Usage Jan p1, p2; Feb only p3, who is in no roster
        // (February is a month with data, and Verkoop's adoption is 0); Mar p1.
        // Training: Jan p1; Mar p1, p2.
        test.Warehouse.Write(c => c.Execute("""
            insert into person values (1, 'k1', 1), (2, 'k2', 1), (3, 'k3', 1);
            insert into raw_roster (import_id, line, person_id, department, role, champion, target_group, rollout_date) values
                (1, 2, 1, 'Verkoop', 'employee', false, true, date '2025-01-06'),
                (1, 3, 2, 'Verkoop', 'employee', false, true, date '2025-01-06');
            insert into raw_usage (import_id, person_id, usage_date, tool, feature, events, active_minutes, actions) values
                (1, 1, date '2025-01-10', 'Copilot', '', 1, 5, 1),
                (1, 2, date '2025-01-10', 'Copilot', '', 1, 5, 1),
                (1, 3, date '2025-02-10', 'Copilot', '', 1, 5, 1),
                (1, 1, date '2025-03-10', 'Copilot', '', 1, 5, 1);
            insert into raw_activity values
                (1, 2, date '2025-01-15', 'training', 'AI-basis', 3, null, 1, null, 3),
                (1, 3, date '2025-03-15', 'training', 'AI-basis', 3, null, 1, null, 3),
                (1, 4, date '2025-03-15', 'training', 'AI-basis', 3, null, 2, null, 3);
            """ + TestWarehouse.RecordUsageWindows));
        test.Warehouse.Refresh("raw_roster", "raw_usage", "raw_usage_window", "raw_activity", "person");

        // Units Jan, Feb, Mar:  x = 1/2, 0, 2/2 = 0.5, 0, 1;  y = 2/2, 0/2, 1/2 = 1, 0, 0.5
        // mean x = 0.5, mean y = 0.5; Sxy = 0 x 0.5 + (-0.5)(-0.5) + 0.5 x 0 = 0.25; Sxx = 0.5; Syy = 0.5
        // r = 0.25 / sqrt(0.5 x 0.5) = 0.5, but with 3 units there is no interval (se = 1/sqrt(n - 3))
        var now = Get("training", 0);
        now.NUnits.ShouldBe(3);
        now.R!.Value.ShouldBe(0.5, Precision);
        now.CiLow.ShouldBeNull();
        now.CiHigh.ShouldBeNull();

        // Lag 1: Jan (x = 0.5, y = Feb 0), Feb (x = 0, y = Mar 0.5); March is the last month.
        // Two points always lie on a line: r = -1, and no interval.
        var next = Get("training", 1);
        next.NUnits.ShouldBe(2);
        next.R!.Value.ShouldBe(-1.0, Precision);
        next.CiLow.ShouldBeNull();
        next.CiHigh.ShouldBeNull();
    }

    internal sealed record Row(
        string ActivityType, string LabelEn, string LabelNl, int LagMonths, long NUnits, double? R, double? CiLow, double? CiHigh,
        long ParticipantMonths, long NonParticipantMonths, double? AdoptionParticipants, double? AdoptionNonParticipants, double? Uplift);
}

/// <summary>The demo organisation was generated so that training and workshop participants adopt more.</summary>
[Collection("demo")]
public sealed class ActivityAdoptionCorrelationDemoTests(DemoWarehouse demo)
{
    [Fact]
    public void Every_activity_type_of_the_demo_has_both_lags_over_all_department_months_after_go_live()
    {
        var rows = ActivityAdoptionCorrelationTests.Rows(demo.Test);

        // All 11 types occur. Units: 4 departments live from January 2025 (12 months) + 2 from March (10) = 68;
        // with lag 1, December 2025 (the last month) has no next month: 68 - 6 = 62.
        rows.Count.ShouldBe(22);
        rows.Where(r => r.LagMonths == 0).ShouldAllBe(r => r.NUnits == 68);
        rows.Where(r => r.LagMonths == 1).ShouldAllBe(r => r.NUnits == 62);
        rows.Where(r => r.ActivityType == "communication").ShouldAllBe(r => r.Uplift == null && r.R != null);
    }

    [Theory]
    [InlineData("training")]
    [InlineData("workshop")]
    public void Participants_of_training_and_workshops_adopt_more_than_non_participants(string type)
    {
        // The generator makes course and workshop participants (learners) 1.3 times as eager and the others 0.75 times.
        foreach (var row in ActivityAdoptionCorrelationTests.Rows(demo.Test).Where(r => r.ActivityType == type))
        {
            row.Uplift!.Value.ShouldBeGreaterThan(0.15, $"{type}, lag {row.LagMonths}");
            row.AdoptionParticipants!.Value.ShouldBeGreaterThan(row.AdoptionNonParticipants!.Value);
        }
    }

    [Fact]
    public void Departments_with_more_workshops_adopt_more_in_the_same_month()
    {
        // Workshops follow each department's activity intensity, which the generator ties to its managers' example.
        var workshop = ActivityAdoptionCorrelationTests.Rows(demo.Test).Single(r => r.ActivityType == "workshop" && r.LagMonths == 0);
        workshop.R!.Value.ShouldBeGreaterThan(0.2);
        workshop.CiLow!.Value.ShouldBeGreaterThan(0);
        workshop.CiHigh!.Value.ShouldBeGreaterThan(workshop.R.Value);
    }
}
