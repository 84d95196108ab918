using Dapper;

namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>leadership_effect on a tiny organisation written straight into the raw tables, worked out by hand.</summary>
public sealed class LeadershipEffectTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    internal static List<Row> Rows(TestWarehouse warehouse) => warehouse.Query<Row>("""
        select managers_active as ManagersActive, departments as Departments, people as People,
               person_months as PersonMonths, active_person_months as ActivePersonMonths, adoption_rate as AdoptionRate,
               benchmark_adoption_rate as BenchmarkAdoptionRate, manager_active_threshold as ManagerActiveThreshold
        from leadership_effect
        order by managers_active desc
        """);

    [Fact]
    public void An_empty_warehouse_gives_both_groups_without_departments_beside_the_seed_benchmarks()
    {
        Rows(test).ShouldBe([
            new Row(true, 0, 0, 0, 0, null, 0.62, 0.5),
            new Row(false, 0, 0, 0, 0, null, 0.34, 0.5),
        ]);
    }

    [Fact]
    public void Employees_are_pooled_by_whether_their_managers_used_AI_in_at_least_half_of_their_months()
    {
        // Organisation go-live January 2025, everyone's rollout 6 January 2025 except p11 (3 March 2025); usage data in
        // Nov 2024 - Apr 2025, so the months with month_index >= 1 are Jan, Feb, Mar, Apr (Mar, Apr for p11).
        //
        //   person  department  role        active in
        //   p1      Verkoop     manager     Jan Feb
        //   p2      Verkoop     employee    Jan Feb Mar
        //   p3      Verkoop     employee    Jan
        //   p4      Inkoop      leadership  Jan Feb Mar Apr
        //   p5      Inkoop      manager     Jan
        //   p6      Inkoop      employee    Feb Mar Apr
        //   p7      Productie   manager     Nov Dec Jan          (Nov, Dec are before go-live)
        //   p8      Productie   employee    Jan
        //   p9      Productie   employee    Jan Feb Mar Apr      (outside the target group)
        //   p10     (no roster)             Jan Feb Mar Apr
        //   p11     Logistiek   employee    Feb Apr              (rollout March: Feb is before go-live)
        //   p12     Directie    leadership  Jan Feb Mar Apr
        test.Warehouse.Write(c => c.Execute("""
            update setting set value = '2025-01-01' where key = 'go_live_month';
            insert into person select i, 'k' || i::varchar, 1 from range(1, 13) t(i);
            insert into raw_roster (import_id, line, person_id, department, role, champion, target_group, rollout_date) values
                (1, 2,  1,  'Verkoop',   'manager',    false, true,  date '2025-01-06'),
                (1, 3,  2,  'Verkoop',   'employee',   false, true,  date '2025-01-06'),
                (1, 4,  3,  'Verkoop',   'employee',   false, true,  date '2025-01-06'),
                (1, 5,  4,  'Inkoop',    'leadership', false, true,  date '2025-01-06'),
                (1, 6,  5,  'Inkoop',    'manager',    false, true,  date '2025-01-06'),
                (1, 7,  6,  'Inkoop',    'employee',   false, true,  date '2025-01-06'),
                (1, 8,  7,  'Productie', 'manager',    false, true,  date '2025-01-06'),
                (1, 9,  8,  'Productie', 'employee',   false, true,  date '2025-01-06'),
                (1, 10, 9,  'Productie', 'employee',   false, false, date '2025-01-06'),
                (1, 11, 11, 'Logistiek', 'employee',   false, true,  date '2025-03-03'),
                (1, 12, 12, 'Directie',  'leadership', false, true,  date '2025-01-06');
            insert into raw_usage (import_id, person_id, usage_date, tool, feature, events, active_minutes, actions)
            select 1, person_id, (month || '-10')::date, 'Copilot', '', 1, 5, 1
            from (values
                (1, '2025-01'), (1, '2025-02'),
                (2, '2025-01'), (2, '2025-02'), (2, '2025-03'),
                (3, '2025-01'),
                (4, '2025-01'), (4, '2025-02'), (4, '2025-03'), (4, '2025-04'),
                (5, '2025-01'),
                (6, '2025-02'), (6, '2025-03'), (6, '2025-04'),
                (7, '2024-11'), (7, '2024-12'), (7, '2025-01'),
                (8, '2025-01'),
                (9, '2025-01'), (9, '2025-02'), (9, '2025-03'), (9, '2025-04'),
                (10, '2025-01'), (10, '2025-02'), (10, '2025-03'), (10, '2025-04'),
                (11, '2025-02'), (11, '2025-04'),
                (12, '2025-01'), (12, '2025-02'), (12, '2025-03'), (12, '2025-04')
            ) t(person_id, month);
            """ + TestWarehouse.RecordUsageWindows));
        test.Warehouse.Refresh("raw_roster", "raw_usage", "raw_usage_window", "person", "setting");

        // Managers' pooled months from go-live on:
        //   Verkoop   p1 2 of 4 = 0.5                 -> at the threshold: managers active
        //   Inkoop    p4 4 + p5 1 = 5 of 8 = 0.625    -> managers active
        //   Directie  p12 4 of 4                      -> managers active, but no employees: not counted
        //   Productie p7 Jan = 1 of 4 = 0.25          -> not active (with Nov, Dec it would be 3 of 6 = 0.5)
        //   Logistiek no managers                     -> not active
        // Employees (target group, months from their own go-live):
        //   true:  Verkoop p2 3 of 4, p3 1 of 4; Inkoop p6 3 of 4 = 7 of 12 person-months, 3 people, 2 departments
        //   false: Productie p8 1 of 4; Logistiek p11 Apr = 1 of 2 = 2 of 6 person-months, 2 people, 2 departments
        Rows(test).ShouldBe([
            new Row(true, 2, 3, 12, 7, 7.0 / 12, 0.62, 0.5),
            new Row(false, 2, 2, 6, 2, 2.0 / 6, 0.34, 0.5),
        ]);
    }

    internal sealed record Row(
        bool ManagersActive, long Departments, long People, long PersonMonths, long ActivePersonMonths, double? AdoptionRate,
        double BenchmarkAdoptionRate, double ManagerActiveThreshold);
}

/// <summary>The demo organisation was generated with managers who set the example in half of its departments.</summary>
[Collection("demo")]
public sealed class LeadershipEffectDemoTests(DemoWarehouse demo)
{
    [Fact]
    public void Employees_adopt_clearly_more_where_managers_use_AI_themselves()
    {
        var rows = LeadershipEffectTests.Rows(demo.Test).ToDictionary(r => r.ManagersActive);

        // The generator: managers of Engineering, Klantenservice and Directie use AI in ~95 % of their months, the
        // others in ~20 %; it calibrates the whole target group (managers included) to 62 % and 34 %, so employees
        // alone land a little lower where managers lead (~57 %) and at ~35 % where they do not.
        (rows[true].Departments, rows[false].Departments).ShouldBe((3L, 3L));
        rows[true].AdoptionRate!.Value.ShouldBeInRange(0.50, 0.75);
        rows[false].AdoptionRate!.Value.ShouldBeInRange(0.25, 0.45);
        (rows[true].AdoptionRate!.Value - rows[false].AdoptionRate!.Value).ShouldBeGreaterThan(0.15);
    }
}
