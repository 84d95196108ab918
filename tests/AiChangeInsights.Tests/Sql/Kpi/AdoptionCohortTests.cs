namespace AiChangeInsights.Tests.Sql.Kpi;

public sealed class AdoptionCohortTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void A_cohort_counts_its_active_people_at_each_month_since_their_own_go_live()
    {
        SmallOrganisation.Load(test);
        // Cohort 2025-01 = a, b, c, d, e. Month 1 (Jan): a, b, d = 3/5; month 2 (Feb): a = 1/5; month 3 (March) has no
        // usage export and is left out; month 4 (Apr): b, c, d, e = 4/5.
        test.Query<(int Month, long Size, long Observed, long Active, double Rate)>("""
            select month_index, cohort_size, observed, active_users, active_rate from adoption_cohorts
            where cohort_kind = 'rollout_month' and cohort = '2025-01' order by month_index
            """).ShouldBe([(1, 5L, 5L, 3L, 0.6), (2, 5L, 5L, 1L, 0.2), (4, 5L, 5L, 4L, 0.8)]);
        test.Query<(int Month, double Rate)>("""
            select month_index, active_rate from adoption_cohorts where cohort_kind = 'department' and cohort = 'Verkoop' order by 1
            """).ShouldBe([(1, 2.0 / 3), (2, 1.0 / 3), (4, 2.0 / 3)]);
    }

    [Fact]
    public void The_curve_phases_find_peak_valley_and_stabilisation_and_warn_on_a_deep_valley()
    {
        // Ten people, all rolled out in January 2025; active people per month 1..12:
        //   6 8 7 | 6 5 4 5 5 6 | 6 6 6  -> peak 0.8 in month 2, trough 0.4 in month 6,
        //   valley depth (0.8 - 0.4) / 0.8 = 0.5 > 0.25 -> warning; stable = mean of months 10-12 = 0.6.
        int[] active = [6, 8, 7, 6, 5, 4, 5, 5, 6, 6, 6, 6];
        LoadCurve(active);

        var phases = test.Query<(double Peak, int PeakMonth, double Trough, int TroughMonth, double Depth, double Stable, string Phase, bool Warning)>("""
            select peak_rate, peak_month, trough_rate, trough_month, valley_depth, stable_rate, phase_now, warning
            from adoption_curve_phases where cohort_kind = 'organisation'
            """).ShouldHaveSingleItem();
        phases.ShouldBe((0.8, 2, 0.4, 6, 0.5, 0.6, "stabilisation", true), customMessage: "rounding aside");

        // With a 60 % threshold the same valley is no warning.
        test.Warehouse.Write(c => Dapper.SqlMapper.Execute(c, "update setting set value = '0.6' where key = 'valley_threshold'"));
        test.Warehouse.Refresh("setting");
        test.Scalar<bool>("select warning from adoption_curve_phases where cohort_kind = 'organisation'").ShouldBeFalse();
    }

    [Fact]
    public void A_tie_names_the_earliest_month_of_the_peak_and_of_the_trough()
    {
        // Ten people, rolled out in January 2025; active people per month 1..12:
        //   8 6 8 | 4 5 4 6 6 6 | 6 6 6 -> peak 0.8 in months 1 and 3: month 1; trough 0.4 in months 4 and 6: month 4.
        int[] active = [8, 6, 8, 4, 5, 4, 6, 6, 6, 6, 6, 6];
        LoadCurve(active);

        test.Query<(double Peak, int PeakMonth, double Trough, int TroughMonth)>(
            "select peak_rate, peak_month, trough_rate, trough_month from adoption_curve_phases where cohort_kind = 'organisation'")
            .ShouldBe([(0.8, 1, 0.4, 4)]);
    }

    /// <summary>Ten people p0..p9 rolled out on 6 January 2025; in month m the first active[m - 1] of them use AI once.</summary>
    void LoadCurve(int[] active)
    {
        var roster = "email,department,rollout_date\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"p{i}@example.nl,Team,2025-01-06\n"));
        test.Import(test.File("roster.csv", roster));
        var usage = "date,user,tool\n" + string.Concat(active.SelectMany((n, m) =>
            Enumerable.Range(0, n).Select(i => $"{new DateOnly(2025, 1, 6).AddMonths(m):yyyy-MM-dd},p{i}@example.nl,Copilot\n")));
        test.Import(test.File("usage.csv", usage)).RowsRejected.ShouldBe(0);
    }

    [Fact]
    public void A_cohort_still_in_its_first_months_is_in_the_novelty_phase_without_a_trough()
    {
        test.Import(test.File("roster.csv", "email,department,rollout_date\nq@example.nl,Team,2025-01-06\n"));
        test.Import(test.File("usage.csv", "date,user,tool\n2025-01-07,q@example.nl,Copilot\n2025-02-07,q@example.nl,Copilot\n"));

        test.Query<(string Phase, double? Trough, bool Warning)>(
            "select phase_now, trough_rate, warning from adoption_curve_phases where cohort_kind = 'organisation'")
            .ShouldBe([("novelty", null, false)]);
    }
}
