using Dapper;

namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>
/// activity_exposure_units, the department-months behind activity_adoption_correlation, on a tiny organisation
/// written straight into the raw tables; every expected number is worked out by hand in the comments. The last tests
/// pin that the correlation view reads these units (its r, n and the trend line follow from them).
/// </summary>
public sealed class ActivityExposureUnitsTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    const double Precision = 1e-9;

    /// <summary>
    /// Verkoop: p1, p2; Inkoop: p3, p4 (all target group, rollout 6 January 2025); p5 (Inkoop) outside the target
    /// group; p6 in no roster. Usage in January, February and April 2025, none in March, so the months with usage data
    /// are Jan, Feb, Apr (dim_month also holds the baseline and March, without it). Active: Jan p1 p2 p3; Feb p1 p4; Apr p2 p4.
    /// Activities: workshop Jan p1, p2, p3; Feb p5 (outside the target group) and p6 (no roster, on a Verkoop row);
    /// Mar p4 (no usage data that month); Apr p1. Communication Feb to Verkoop, a head count of 2.
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
                (1, 4,  date '2025-01-15', 'workshop',      'Workshop',    2, null,      1,    null, 2),
                (1, 5,  date '2025-01-15', 'workshop',      'Workshop',    2, null,      2,    null, 2),
                (1, 6,  date '2025-01-16', 'workshop',      'Workshop',    2, null,      3,    null, 2),
                (1, 7,  date '2025-02-12', 'workshop',      'Workshop',    2, null,      5,    null, 2),
                (1, 8,  date '2025-02-12', 'workshop',      'Workshop',    2, 'Verkoop', 6,    null, 2),
                (1, 9,  date '2025-02-20', 'communication', 'Nieuwsbrief', 1, 'Verkoop', null, 2,    0.25),
                (1, 10, date '2025-03-12', 'workshop',      'Workshop',    2, null,      4,    null, 2),
                (1, 11, date '2025-04-09', 'workshop',      'Workshop',    2, null,      1,    null, 2);
            """ + TestWarehouse.RecordUsageWindows));
        test.Warehouse.Refresh("raw_roster", "raw_usage", "raw_usage_window", "raw_activity", "person");
    }

    internal sealed record Unit(string ActivityType, string Department, DateOnly Month, long TargetGroupPeople, long Participants,
        double Exposure, double? Adoption, double? AdoptionNextMonth);

    List<Unit> Units(string type) => test.Query<Unit>("""
        select activity_type as ActivityType, department, month, target_group_people as TargetGroupPeople, participants,
               exposure, adoption, adoption_next_month as AdoptionNextMonth
        from activity_exposure_units
        where activity_type = $type
        order by department, month
        """, new { type });

    static DateOnly M(int year, int month) => new(year, month, 1);

    [Fact]
    public void An_empty_warehouse_gives_no_units_and_no_error() =>
        test.Scalar<long>("select count(*) from activity_exposure_units").ShouldBe(0);

    [Fact]
    public void Every_department_month_since_go_live_is_a_unit_with_target_group_participants_and_adoption()
    {
        WriteOrganisation();

        // Units: (Inkoop, Verkoop) x (Jan, Feb, Apr): March has no usage data, Nov and Dec are before go-live.
        // Workshop participants: Verkoop Jan p1 p2 = 2, Apr p1 = 1; Inkoop Jan p3 = 1; p5 (outside the target group)
        // and p6 (no roster) do not count, and p4's March is no unit. 2 target-group people in each department.
        // Adoption: Verkoop Jan 2/2, Feb 1/2 (p1), Apr 1/2 (p2); Inkoop Jan 1/2 (p3), Feb 1/2 (p4), Apr 1/2 (p4).
        // Next month: only January has one with usage data (February); after February comes March (no data), after
        // April nothing.
        Units("workshop").ShouldBe([
            new("workshop", "Inkoop",  M(2025, 1), 2, 1, 0.5, 0.5, 0.5),
            new("workshop", "Inkoop",  M(2025, 2), 2, 0, 0.0, 0.5, null),
            new("workshop", "Inkoop",  M(2025, 4), 2, 0, 0.0, 0.5, null),
            new("workshop", "Verkoop", M(2025, 1), 2, 2, 1.0, 1.0, 0.5),
            new("workshop", "Verkoop", M(2025, 2), 2, 0, 0.0, 0.5, null),
            new("workshop", "Verkoop", M(2025, 4), 2, 1, 0.5, 0.5, null),
        ]);
    }

    [Fact]
    public void A_head_count_row_counts_its_participants_in_its_department()
    {
        WriteOrganisation();

        // The newsletter reached 2 people of Verkoop in February: exposure 2 / 2 = 1; every other unit has 0.
        Units("communication").Select(u => (u.Department, u.Month, u.Participants, u.Exposure)).ShouldBe([
            ("Inkoop",  M(2025, 1), 0L, 0.0), ("Inkoop",  M(2025, 2), 0L, 0.0), ("Inkoop",  M(2025, 4), 0L, 0.0),
            ("Verkoop", M(2025, 1), 0L, 0.0), ("Verkoop", M(2025, 2), 2L, 1.0), ("Verkoop", M(2025, 4), 0L, 0.0),
        ]);
    }

    [Fact]
    public void The_correlation_counts_the_units_with_an_outcome_and_fits_its_trend_line_through_them()
    {
        WriteOrganisation();
        var rows = test.Query<(string Type, int Lag, long N, double? R, double? Slope, double? Intercept)>("""
            select activity_type, lag_months, n_units, r, slope, intercept
            from activity_adoption_correlation order by activity_type, lag_months
            """);

        // n: lag 0 every unit (6), lag 1 the units with adoption_next_month (the two Januaries).
        rows.Select(r => (r.Type, r.Lag, r.N)).ShouldBe([("communication", 0, 6L), ("communication", 1, 2L), ("workshop", 0, 6L), ("workshop", 1, 2L)]);

        // Workshop, lag 0: x = 0.5, 0, 0, 1, 0, 0.5; y = 0.5, 0.5, 0.5, 1, 0.5, 0.5
        // mean x = 2/6 = 1/3, mean y = 3.5/6 = 7/12; Sxy = 1/3, Sxx = 5/6, Syy = 5/24 (as in ActivityAdoptionCorrelationTests)
        // r = (1/3) / sqrt(5/6 x 5/24) = 0.8; slope = Sxy / Sxx = 0.4; intercept = 7/12 - 0.4 x 1/3 = 27/60 = 0.45
        var workshop = rows.Single(r => r.Type == "workshop" && r.Lag == 0);
        workshop.R!.Value.ShouldBe(0.8, Precision);
        workshop.Slope!.Value.ShouldBe(0.4, Precision);
        workshop.Intercept!.Value.ShouldBe(0.45, Precision);

        // Communication, lag 0: x = 0, 0, 0, 0, 1, 0 (Verkoop February); mean x = 1/6
        // Sxy = (-1/6)(5/12) + (5/6)(-1/12) + 4 x (-1/6)(-1/12) = -1/12; Sxx = 5/6
        // slope = -1/10; intercept = 7/12 + 1/10 x 1/6 = 35/60 + 1/60 = 0.6
        var communication = rows.Single(r => r.Type == "communication" && r.Lag == 0);
        communication.R!.Value.ShouldBe(-0.2, Precision);
        communication.Slope!.Value.ShouldBe(-0.1, Precision);
        communication.Intercept!.Value.ShouldBe(0.6, Precision);

        // Lag 1, two units whose outcome (February: 0.5 and 0.5) does not vary: no r and no line.
        var next = rows.Single(r => r.Type == "workshop" && r.Lag == 1);
        (next.R, next.Slope, next.Intercept).ShouldBe((null, null, null));
    }
}

/// <summary>activity_exposure_units on the demo organisation: the scatter of the Activities page.</summary>
[Collection("demo")]
public sealed class ActivityExposureUnitsDemoTests(DemoWarehouse demo)
{
    [Fact]
    public void Every_activity_type_has_the_68_department_months_behind_its_correlation()
    {
        // 11 activity types x (4 departments live from January 2025 x 12 months + 2 from March x 10) = 11 x 68.
        demo.Test.Scalar<long>("select count(*) from activity_exposure_units").ShouldBe(11 * 68);
        demo.Test.Query<(string Type, long Units, long WithNext)>("""
            select activity_type, count(adoption), count(adoption_next_month) from activity_exposure_units group by all
            """).ShouldAllBe(t => t.Units == 68 && t.WithNext == 62);

        // The same n as the correlation, type by type and lag by lag.
        demo.Test.Scalar<long>("""
            select count(*) from activity_adoption_correlation c
            where n_units <> (select case c.lag_months when 0 then count(adoption) else count(adoption_next_month) end
                              from activity_exposure_units u where u.activity_type = c.activity_type)
            """).ShouldBe(0);
    }
}
