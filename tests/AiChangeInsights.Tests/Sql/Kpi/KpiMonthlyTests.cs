namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>kpi_monthly on <see cref="SmallOrganisation"/>: each KPI's arithmetic, worked out by hand.</summary>
public sealed class KpiMonthlyTests(SmallOrganisation.Loaded organisation) : IClassFixture<SmallOrganisation.Loaded>
{
    readonly TestWarehouse test = organisation.Test;

    (double? Value, double? Numerator, double? Denominator) Cell(string kpi, string month, string department, string tool = "All") =>
        test.Query<(double?, double?, double?)>("""
            select value, numerator, denominator from kpi_monthly
            where kpi = $kpi and month = $month::date and department = $department and tool = $tool
            """, new { kpi, month, department, tool }).ShouldHaveSingleItem();

    [Fact]
    public void Adoption_is_active_target_group_people_over_target_group_people()
    {
        Cell("adoption_rate", "2025-01-01", "Verkoop").ShouldBe((2.0 / 3, 2, 3));    // a, b of a, b, c
        Cell("adoption_rate", "2025-01-01", "Productie").ShouldBe((1.0 / 2, 1, 2));  // d of d, e (f is not in the target group)
        Cell("adoption_rate", "2025-01-01", "All").ShouldBe((3.0 / 5, 3, 5));        // x is in no roster: not counted
        Cell("adoption_rate", "2025-02-01", "All").ShouldBe((1.0 / 5, 1, 5));        // a
        Cell("adoption_rate", "2025-04-01", "All").ShouldBe((4.0 / 5, 4, 5));        // b, c, d, e
    }

    [Fact]
    public void A_month_without_usage_data_has_no_usage_kpi_rather_than_zero()
    {
        // March lies inside the usage file's span but has no row at all: a missing export. The baseline quarter has no
        // usage export either. Both are on the month axis for the other KPIs.
        test.Query<string>("select strftime(month, '%Y-%m') from dim_month order by month")
            .ShouldBe(["2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04"]);
        test.Query<string>("select distinct strftime(month, '%Y-%m') from kpi_monthly where dimension = 'usage' order by 1")
            .ShouldBe(["2025-01", "2025-02", "2025-04"]);
        test.Scalar<long>("select count(*) from kpi_monthly where kpi = 'support_tickets_per_100' and month not in ('2025-01-01', '2025-02-01', '2025-04-01')")
            .ShouldBe(0); // per 100 active users: no active users are known without usage data
        Cell("training_participation", "2025-03-01", "All").ShouldBe((1.0 / 5, 1, 5)); // other KPIs go on: a completed in January
    }

    [Fact]
    public void Per_user_usage_kpis_divide_by_active_people_only()
    {
        Cell("active_days_per_user", "2025-01-01", "Verkoop").ShouldBe((1.5, 3, 2));           // a 2 days + b 1 day, 2 active
        Cell("minutes_per_user", "2025-01-01", "All").Value!.Value.ShouldBe(65.0 / 3, 1e-9);   // 10 + 20 + 5 + 30 over a, b, d
        Cell("features_per_user", "2025-01-01", "Verkoop").ShouldBe((1.5, 3, 2));              // a: chat, draft; b: chat
        Cell("active_days_per_user", "2025-02-01", "Productie").Value.ShouldBeNull();           // nobody active: no value, not 0
    }

    [Fact]
    public void Usage_kpis_are_also_given_per_tool()
    {
        Cell("adoption_rate", "2025-01-01", "All", "Copilot").ShouldBe((3.0 / 5, 3, 5));
        test.Query<string>("select distinct tool from kpi_monthly where dimension = 'usage' order by 1").ShouldBe(["All", "Copilot"]);
    }

    [Fact]
    public void Competence_kpis_count_completions_passes_and_ai_tickets()
    {
        Cell("training_participation", "2025-01-01", "All").ShouldBe((1.0 / 5, 1, 5));     // a completed in January
        Cell("training_participation", "2025-04-01", "All").ShouldBe((2.0 / 5, 2, 5));     // + d in April; b never completed
        Cell("training_participation", "2025-01-01", "Verkoop").ShouldBe((1.0 / 3, 1, 3));
        Cell("certification_rate", "2025-01-01", "All").ShouldBe((1.0, 1, 1));             // a passed
        Cell("certification_rate", "2025-04-01", "All").ShouldBe((0.5, 1, 2));             // d failed
        Cell("support_tickets_per_100", "2025-01-01", "Verkoop").ShouldBe((50.0, 1, 2));   // 1 AI ticket x 100 / 2 active
        Cell("support_tickets_per_100", "2025-01-01", "All").Value!.Value.ShouldBe(100.0 / 3, 1e-9); // 1 x 100 / 3 active
        Cell("support_tickets_per_100", "2025-04-01", "Productie").ShouldBe((100.0, 2, 2)); // 2 AI tickets / 2 active
        Cell("support_tickets_per_100", "2025-02-01", "Productie").Value.ShouldBeNull();    // no active users there
    }

    [Fact]
    public void Business_impact_compares_with_the_mean_of_the_three_months_before_go_live()
    {
        // Verkoop's baseline error rate: (10 + 12 + 8) / 3 = 10; January 8 -> (8 - 10) / 10 = -0.2; April 6 -> -0.4.
        Cell("error_rate_change", "2025-01-01", "Verkoop").ShouldBe((-0.2, -2, 10));
        Cell("error_rate_change", "2025-04-01", "Verkoop").ShouldBe((-0.4, -4, 10));
        // 6 hours saved over Verkoop's 3 people.
        Cell("hours_saved_per_fte", "2025-01-01", "Verkoop").ShouldBe((2.0, 6, 3));
        test.Scalar<long>("select count(*) from kpi_monthly where kpi = 'cost_change'").ShouldBe(0); // no cost data at all
    }

    [Fact]
    public void Innovation_counts_ideas_for_every_department_behind_them_and_once_in_All()
    {
        Cell("suggestions_submitted", "2025-01-01", "Verkoop").Value.ShouldBe(1);
        Cell("suggestions_submitted", "2025-01-01", "Productie").Value.ShouldBe(1);
        Cell("suggestions_submitted", "2025-01-01", "All").Value.ShouldBe(1);
        Cell("cross_functional_ideas", "2025-01-01", "All").Value.ShouldBe(1);
        Cell("cross_functional_ideas", "2025-02-01", "All").Value.ShouldBe(0);
        Cell("use_cases_implemented", "2024-12-01", "All").Value.ShouldBe(0);
        Cell("use_cases_implemented", "2025-04-01", "All").Value.ShouldBe(1);            // cumulative
        // Departments with at least 20 % active: January both (2/3, 1/2) -> 2/2; February Verkoop only (1/3, 0/2) -> 1/2.
        Cell("departments_active", "2025-01-01", "All").ShouldBe((1.0, 2, 2));
        Cell("departments_active", "2025-02-01", "All").ShouldBe((0.5, 1, 2));
        Cell("departments_active", "2025-02-01", "Productie").Value.ShouldBe(0);
    }

    [Fact]
    public void Every_one_of_the_20_kpis_is_defined_with_labels_in_both_languages()
    {
        var definitions = test.Query<(string Dimension, string Kpi, string En, string Nl)>(
            "select dimension, kpi, label_en, label_nl from kpi_definition order by sort_order");
        definitions.Count.ShouldBe(20);
        definitions.GroupBy(d => d.Dimension).Select(g => (g.Key, g.Count())).ShouldBe([
            ("usage", 4), ("competence", 4), ("acceptance", 4), ("business_impact", 4), ("innovation", 4)]);
        definitions.ShouldAllBe(d => d.En.Length > 3 && d.Nl.Length > 3);
        test.Scalar<string>("select direction from kpi_definition where kpi = 'support_tickets_per_100'").ShouldBe("lower_better");
        test.Query<string>("select kpi from kpi_definition where indicator = 'leading' order by kpi").ShouldContain("training_participation");
    }

    [Fact]
    public void An_empty_warehouse_has_no_monthly_rows_and_no_errors()
    {
        using var empty = new TestWarehouse();
        empty.Scalar<long>("select count(*) from kpi_monthly").ShouldBe(0);
        empty.Scalar<long>("select count(*) from adoption_cohorts").ShouldBe(0);
    }
}
