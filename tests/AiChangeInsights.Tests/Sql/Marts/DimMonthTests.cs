namespace AiChangeInsights.Tests.Sql.Marts;

/// <summary>
/// The month axis comes from every dated source and the go-live setting, not from usage alone: an organisation with a
/// roster, LMS data and a baseline survey, but no AI tool live yet, sees its numbers. Rosters and exports are imported
/// through the real importers.
/// </summary>
public sealed class DimMonthTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    /// <summary>Verkoop v1..v6, Productie p1, p2: 8 target-group people, no rollout dates.</summary>
    void Roster() => Import("roster.csv", """
        email,department
        v1@example.nl,Verkoop
        v2@example.nl,Verkoop
        v3@example.nl,Verkoop
        v4@example.nl,Verkoop
        v5@example.nl,Verkoop
        v6@example.nl,Verkoop
        p1@example.nl,Productie
        p2@example.nl,Productie
        """);

    /// <summary>Completions: v1 15 January, v2 10 February, p1 5 March 2025; v3 enrolled without completing.</summary>
    void Training() => Import("moodle.csv", """
        user,course,enrolled_at,completed_at
        v1@example.nl,AI-basis,2025-01-06,2025-01-15
        v2@example.nl,AI-basis,2025-01-06,2025-02-10
        v3@example.nl,AI-basis,2025-01-06,
        p1@example.nl,AI-basis,2025-01-20,2025-03-05
        """);

    (double? Value, double? Numerator, double? Denominator) Monthly(string kpi, string month, string department = "All") =>
        test.Query<(double?, double?, double?)>("""
            select value, numerator, denominator from kpi_monthly
            where kpi = $kpi and month = $month::date and department = $department and tool = 'All'
            """, new { kpi, month, department }).ShouldHaveSingleItem();

    double? Matrix(string kpi, string checkpoint, string department = "All") => test.Query<double?>(
        "select value from kpi_matrix where kpi = $kpi and checkpoint = $checkpoint and department = $department",
        new { kpi, checkpoint, department }).ShouldHaveSingleItem();

    [Fact]
    public void A_roster_and_one_LMS_export_give_training_participation_per_month()
    {
        Roster();
        Training();

        // No usage, no go-live setting, no rollout dates: the axis is the training's months, without a go-live.
        test.Query<(DateOnly, int?, string?)>("select month, month_index, checkpoint from dim_month order by month").ShouldBe([
            (new DateOnly(2025, 1, 1), null, null), (new DateOnly(2025, 2, 1), null, null), (new DateOnly(2025, 3, 1), null, null)]);
        // Cumulative completions over the 8 target-group people: January v1; February + v2; March + p1.
        Monthly("training_participation", "2025-01-01").ShouldBe((1.0 / 8, 1, 8));
        Monthly("training_participation", "2025-02-01").ShouldBe((2.0 / 8, 2, 8));
        Monthly("training_participation", "2025-03-01").ShouldBe((3.0 / 8, 3, 8));
        Monthly("training_participation", "2025-03-01", "Verkoop").ShouldBe((2.0 / 6, 2, 6));
        // No usage data at all: no usage KPI in any month, never 0 %.
        test.Scalar<long>("select count(*) from kpi_monthly where dimension = 'usage'").ShouldBe(0);
        // Without a go-live there are no checkpoints yet, but the latest month shows: March 3 / 8.
        Matrix("training_participation", "latest").ShouldBe(3.0 / 8);
        Matrix("training_participation", "baseline").ShouldBeNull();
    }

    [Fact]
    public void A_survey_and_training_before_go_live_fill_the_baseline_of_competence_and_acceptance()
    {
        Roster();
        Training();
        Import("pulse.csv", """
            response_id,submitted_at,department,Ik ben tevreden over de AI-tools die ik gebruik.,Ik vertrouw de resultaten van AI.,AI is nuttig voor mijn werk.,Hoe waarschijnlijk is het dat u de AI-tools aanbeveelt aan een collega? (0-10),Ik voel me vaardig in het gebruik van AI.
            1,2025-02-12 09:00,Verkoop,4,3,5,9,3
            2,2025-02-12 09:30,Verkoop,4,4,4,10,4
            3,2025-02-12 10:00,Verkoop,5,4,4,7,2
            4,2025-02-13 11:00,Verkoop,3,3,5,6,3
            5,2025-02-13 12:00,Verkoop,4,2,4,9,4
            6,2025-02-14 08:00,Verkoop,4,4,5,3,4
            """);
        GoLive("2025-04-01");

        // Go-live April 2025 = month 1: the baseline is January to March (months -2..0), April is on the axis.
        test.Query<(DateOnly, int?, string?)>("select month, month_index, checkpoint from dim_month order by month").ShouldBe([
            (new DateOnly(2025, 1, 1), -2, "baseline"), (new DateOnly(2025, 2, 1), -1, "baseline"),
            (new DateOnly(2025, 3, 1), 0, "baseline"), (new DateOnly(2025, 4, 1), 1, "early")]);
        // Training pooled over the baseline: (1 + 2 + 3) / (8 + 8 + 8) = 0.25; Verkoop (1 + 2 + 2) / (6 x 3) = 5/18.
        Matrix("training_participation", "baseline").ShouldBe(0.25);
        Matrix("training_participation", "baseline", "Verkoop")!.Value.ShouldBe(5.0 / 18, 1e-12);
        // The February wave's 6 respondents: satisfaction (4+4+5+3+4+4)/6 = 4; trust (3+4+4+3+2+4)/6 = 20/6;
        // usefulness (5+4+4+5+4+5)/6 = 4.5; competence (3+4+2+3+4+4)/6 = 20/6;
        // NPS: promoters 9, 10, 9 = 3, detractors 6, 3 = 2 -> (3 - 2) / 6 x 100 = 16.67.
        Matrix("satisfaction", "baseline").ShouldBe(4.0);
        Matrix("trust", "baseline")!.Value.ShouldBe(20.0 / 6, 1e-12);
        Matrix("usefulness", "baseline").ShouldBe(4.5);
        Matrix("self_assessed_competence", "baseline")!.Value.ShouldBe(20.0 / 6, 1e-12);
        Matrix("nps", "baseline")!.Value.ShouldBe(100.0 / 6, 1e-12);
        // Still no usage KPI anywhere: the tools are not live.
        test.Scalar<long>("select count(*) from kpi_matrix where dimension = 'usage' and value is not null").ShouldBe(0);
    }

    [Fact]
    public void Usage_exports_months_apart_leave_the_months_between_on_the_axis_without_usage_kpis()
    {
        Roster();
        Import("copilot_jan.csv", """
            date,user,tool
            2025-01-06,v1@example.nl,Copilot
            2025-01-31,v2@example.nl,Copilot
            """);
        Import("copilot_apr.csv", """
            date,user,tool
            2025-04-01,v1@example.nl,Copilot
            2025-04-30,p1@example.nl,Copilot
            """);

        // Go-live from the first usage: January; baseline Oct-Dec 2024; February and March have no export.
        test.Query<(DateOnly, bool)>("select month, has_usage from dim_month where month >= '2025-01-01' order by month").ShouldBe([
            (new DateOnly(2025, 1, 1), true), (new DateOnly(2025, 2, 1), false), (new DateOnly(2025, 3, 1), false),
            (new DateOnly(2025, 4, 1), true)]);
        test.Scalar<long>("select count(*) from dim_month").ShouldBe(7);
        Monthly("adoption_rate", "2025-01-01").ShouldBe((2.0 / 8, 2, 8));
        Monthly("adoption_rate", "2025-04-01").ShouldBe((2.0 / 8, 2, 8));
        test.Scalar<long>("select count(*) from kpi_monthly where dimension = 'usage' and month in ('2025-02-01', '2025-03-01')").ShouldBe(0);
        // Early (months 1-3) pools the months with data only, January: 2 / 8 (not (2 + 0 + 0) / 24).
        Matrix("adoption_rate", "early").ShouldBe(2.0 / 8);
    }

    void GoLive(string month)
    {
        test.Warehouse.Write(c => Dapper.SqlMapper.Execute(c, "update setting set value = $month where key = 'go_live_month'", new { month }));
        test.Warehouse.Refresh("setting");
    }

    void Import(string name, string content)
    {
        var summary = test.Import(test.File(name, content + "\n"));
        summary.Status.ShouldBe("loaded", summary.Message);
        summary.RowsRejected.ShouldBe(0, summary.Message);
    }
}
