using Dapper;

namespace AiChangeInsights.Tests.Sql;

/// <summary>
/// Leavers (sql/marts/fct_target_group_month.sql): a person who leaves is out of the target group, and so out of every
/// per-month denominator, from the month they leave.
/// </summary>
public sealed class TargetGroupMonthTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    void Import(string name, string content)
    {
        var summary = test.Import(test.File(name, content));
        summary.Status.ShouldBe("loaded", summary.Message);
    }

    /// <summary>
    /// a, b (Verkoop), c, d (Productie); b leaves on 15-03-2025. Usage: a, b, c one day in each of Jan-Apr 2025 (b also
    /// after leaving), d never; go-live is the first usage month, January. Training: a passes AI-basis in January, b fails
    /// it in February.
    /// </summary>
    void LoadLeaverOrganisation()
    {
        Import("personeel.csv", "E-mail;Afdeling;Uitdienstdatum\na@example.nl;Verkoop;\nb@example.nl;Verkoop;15-03-2025\n" +
                                "c@example.nl;Productie;\nd@example.nl;Productie;\n");
        Import("usage_copilot.csv", "date,user\n" + string.Concat(
            from month in new[] { "01", "02", "03", "04" }
            from user in new[] { "a", "b", "c" }
            select $"2025-{month}-03,{user}@example.nl\n"));
        Import("training.csv", "user,course,completed_at,passed\na@example.nl,AI-basis,2025-01-20,yes\nb@example.nl,AI-basis,2025-02-10,no\n");
    }

    [Fact]
    public void A_leaving_date_in_March_drops_the_person_from_the_adoption_denominators_from_March_on()
    {
        LoadLeaverOrganisation();

        // Jan, Feb: a, b, c active of 4. Mar, Apr: b is out (of the numerator too, though he used Copilot on 03-03 and
        // 04-03): a, c of 3. Verkoop: 2 of 2, then 1 of 1.
        test.Query<(DateTime Month, string Department, long Active, long Target)>("""
            select month, department, active_people, target_people from agg_usage_department_monthly
            where tool = 'All' and department in ('All', 'Verkoop') and month >= date '2025-01-01' order by month, department
            """).ShouldBe([
                (new DateTime(2025, 1, 1), "All", 3, 4), (new DateTime(2025, 1, 1), "Verkoop", 2, 2),
                (new DateTime(2025, 2, 1), "All", 3, 4), (new DateTime(2025, 2, 1), "Verkoop", 2, 2),
                (new DateTime(2025, 3, 1), "All", 2, 3), (new DateTime(2025, 3, 1), "Verkoop", 1, 1),
                (new DateTime(2025, 4, 1), "All", 2, 3), (new DateTime(2025, 4, 1), "Verkoop", 1, 1),
            ]);
        test.Scalar<DateTime>("select left_month from dim_person where left_month is not null").ShouldBe(new DateTime(2025, 3, 1));
    }

    [Fact]
    public void Training_and_certification_count_the_month_s_target_group()
    {
        LoadLeaverOrganisation();

        // Participation: Jan a = 1 of 4; Feb a, b = 2 of 4; Mar, Apr b is out: a = 1 of 3.
        test.Query<(DateTime Month, long Numerator, long Denominator)>("""
            select month, numerator, denominator from training_participation
            where department = 'All' and month >= date '2025-01-01' order by month
            """).ShouldBe([
                (new DateTime(2025, 1, 1), 1, 4), (new DateTime(2025, 2, 1), 2, 4),
                (new DateTime(2025, 3, 1), 1, 3), (new DateTime(2025, 4, 1), 1, 3),
            ]);
        // Results: Jan a passed = 1 of 1; Feb a passed, b failed = 1 of 2; from March b's result leaves with him: 1 of 1.
        test.Query<(DateTime Month, long Numerator, long Denominator)>("""
            select month, numerator, denominator from certification_rate
            where department = 'All' and month >= date '2025-01-01' order by month
            """).ShouldBe([
                (new DateTime(2025, 1, 1), 1, 1), (new DateTime(2025, 2, 1), 1, 2),
                (new DateTime(2025, 3, 1), 1, 1), (new DateTime(2025, 4, 1), 1, 1),
            ]);
    }

    [Fact]
    public void A_leaver_has_person_months_until_the_month_before_they_leave()
    {
        LoadLeaverOrganisation();

        // From go-live (Jan 2025) to April: 4 months each for a, c and d; b's end with February (2).
        test.Query<(string Department, long Months)>("""
            select department, count(*) from fct_person_month where month >= date '2025-01-01' group by department order by 1
            """).ShouldBe([("Productie", 8L), ("Verkoop", 6L)]);
        test.Query<DateTime>("select month from fct_target_group_month t join dim_person p using (person_id) where p.left_month is not null and t.month >= date '2025-01-01' order by 1")
            .ShouldBe([new DateTime(2025, 1, 1), new DateTime(2025, 2, 1)]);
    }

    [Theory]
    [InlineData("status", "Uit dienst", true)]
    [InlineData("status", "inactive", true)]
    [InlineData("Status", "Inaktiv", true)]
    [InlineData("Status [READ ONLY]", "Suspended", true)]
    [InlineData("Status", "Former employee", true)]
    [InlineData("Dienstverband status", "Niet meer actief", true)]
    [InlineData("status", "Actief", false)]
    [InlineData("status", "active", false)]
    [InlineData("status", "In dienst", false)]
    [InlineData("status", "Aktiv", false)]
    // Personio: leave of absence and onboarding are staff.
    [InlineData("status", "leave", false)]
    [InlineData("status", "onboarding", false)]
    [InlineData("accountEnabled", "False", true)]
    [InlineData("accountEnabled", "True", false)]
    [InlineData("Actief?", "Nee", true)]
    [InlineData("Actief?", "Ja", false)]
    [InlineData("Actief?", "", false)]
    public void A_status_or_an_enabled_flag_says_whether_the_person_has_left(string header, string value, bool left)
    {
        Import("roster.csv", $"email,department,{header}\nan@example.nl,Verkoop,{value}\n");

        test.Scalar<bool>("select left_month is not null from dim_person").ShouldBe(left);
    }

    [Fact]
    public void Marked_as_gone_without_a_date_counts_from_the_month_the_roster_first_said_so()
    {
        var first = test.Import(test.File("roster1.csv", "email,department,status\na@example.nl,Verkoop,Actief\nb@example.nl,Verkoop,Uit dienst\n"));

        var thisMonth = test.Scalar<DateTime>("select date_trunc('month', current_date)::date");
        test.Scalar<DateTime>("select left_month from dim_person where left_month is not null").ShouldBe(thisMonth);
        first.Message.ShouldContain($"1 without a date count from the month the roster first said so ({thisMonth:yyyy-MM} for those it says so first now)");

        // As if that roster had come in May 2025: a later roster that still says so keeps that month.
        test.Warehouse.Write(c => c.Execute("update raw_roster set left_on = date '2025-05-10' where left_on is not null"));
        test.Import(test.File("roster2.csv", "email,department,status\na@example.nl,Verkoop,Actief\nb@example.nl,Verkoop,Uit dienst\n\n"))
            .Status.ShouldBe("loaded");
        test.Scalar<DateTime>("select left_month from dim_person where left_month is not null").ShouldBe(new DateTime(2025, 5, 1));

        // Back, and gone again: from the month it is said again.
        test.Import(test.File("roster3.csv", "email,department,status\na@example.nl,Verkoop,Actief\nb@example.nl,Verkoop,Actief\n")).Status.ShouldBe("loaded");
        test.Scalar<long>("select count(*) from dim_person where left_month is not null").ShouldBe(0);
        test.Import(test.File("roster4.csv", "email,department,status\na@example.nl,Verkoop,Actief\nb@example.nl,Verkoop,inactive\n")).Status.ShouldBe("loaded");
        test.Scalar<DateTime>("select left_month from dim_person where left_month is not null").ShouldBe(thisMonth);
    }

    [Fact]
    public void A_leaving_date_wins_over_the_month_of_the_import()
    {
        Import("roster.csv", "email,department,status,termination date\na@example.nl,Verkoop,inactive,2025-06-30\nb@example.nl,Verkoop,active,\n");

        test.Scalar<DateTime>("select left_month from dim_person where left_month is not null").ShouldBe(new DateTime(2025, 6, 1));
    }
}
