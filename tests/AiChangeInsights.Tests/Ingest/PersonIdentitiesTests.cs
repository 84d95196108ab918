using AiChangeInsights.Tests.Ingest.Vendors;
using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Tests.Ingest;

/// <summary>
/// One person across tools: a roster's identity columns (GitHub login, UPN, employee number, another address) join the
/// rows other tools key by them, whichever was imported first, and an undo of the roster undoes the join.
/// The roster is Personio's employee export (Samples/personio-employees-export.csv): An and Bram in Verkoop, Cor and Dirk
/// in Productie (Dirk left on 2025-03-15), Eva in Inkoop; GitHub usernames octo-an, bram-dev, cor-codes, dirk-gh.
/// The GitHub Copilot activity report (Samples) has octo-an on 2025-03-30, bram-dev on 03-27, dirk-gh on 03-29, cor-codes
/// without activity and eva-gh with a bad date: 3 rows.
/// </summary>
public sealed class PersonIdentitiesTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    static string Personio => VendorSamples.Path("personio-employees-export.csv");
    static string GitHub => VendorSamples.Path("github-copilot-activity-report.csv");

    ImportSummary Loaded(string path)
    {
        var summary = test.Import(path);
        summary.Status.ShouldBe("loaded", summary.Message);
        return summary;
    }

    List<(string Department, long Rows)> UsageByDepartment() => test.Query<(string, long)>("""
        select p.department, count(*) from fct_usage_daily u join dim_person p using (person_id) group by all order by 1
        """);

    [Fact]
    public void GitHub_usage_lands_in_its_departments_when_the_roster_comes_first()
    {
        Loaded(Personio);
        var github = Loaded(GitHub);

        // octo-an = An and bram-dev = Bram (Verkoop), dirk-gh = Dirk (Productie).
        UsageByDepartment().ShouldBe([("Productie", 1L), ("Verkoop", 2L)]);
        github.Message.ShouldContain("Rows joined to the roster: 3 by GitHub login.");
        github.Message.ShouldNotContain("not in any roster");
    }

    [Fact]
    public void GitHub_usage_imported_before_the_roster_joins_once_the_roster_arrives()
    {
        var github = Loaded(GitHub);
        github.Message.ShouldContain("3 user(s) are not in any roster yet (3 rows)");
        UsageByDepartment().ShouldBe([("(not in roster)", 3L)]);

        var roster = Loaded(Personio);

        roster.Message.ShouldContain("Other identities: 4 GitHub login(s).");
        roster.Message.ShouldContain("Through its identity columns, 3 rows of other imports join this roster: 3 by GitHub login.");
        UsageByDepartment().ShouldBe([("Productie", 1L), ("Verkoop", 2L)]);
        // The logins are no people of their own: 5 roster people, the 3 logins are An, Bram and Dirk.
        test.Scalar<long>("select count(*) from dim_person").ShouldBe(5);
        test.Scalar<long>("select count(*) from person").ShouldBe(8);
    }

    [Fact]
    public void Undoing_the_roster_undoes_the_join()
    {
        Loaded(GitHub);
        var roster = Loaded(Personio);

        new ImportUndo(test.Warehouse).Undo(roster.ImportId!.Value, "test");

        UsageByDepartment().ShouldBe([("(not in roster)", 3L)]);
        test.Scalar<long>("select count(*) from raw_roster_alias").ShouldBe(0);
        test.Scalar<long>("select count(*) from person_identity where matched_by is not null").ShouldBe(0);
    }

    [Fact]
    public void One_person_on_two_tools_counts_once_in_all_tools_adoption()
    {
        Loaded(Personio);
        Loaded(GitHub);
        Loaded(VendorSamples.Path("Voorbeeld BV monthly user report 2025-03-01.csv"));

        // March 2025. Target group: An, Bram (Verkoop), Cor (Productie), Eva (Inkoop) = 4; Dirk left on 2025-03-15, so from
        // March on he is out (his GitHub day 03-29 counts nowhere). Bram's "leave" (Personio: leave of absence) is staff.
        // ChatGPT: An (03-04), Bram (03-10), Eva (03-01); Cor's row has a bad date. GitHub: An (03-30), Bram (03-27).
        // All tools: An, Bram, Eva = 3 of 4, each once although An and Bram used both tools (Verkoop: 2 of 2, not 4).
        test.Query<(string Department, string Tool, long Active, long Target)>("""
            select department, tool, active_people, target_people from agg_usage_department_monthly
            where month = date '2025-03-01' order by department, tool
            """).ShouldBe([
                ("All", "All", 3, 4), ("All", "ChatGPT Enterprise", 3, 4), ("All", "GitHub Copilot", 2, 4),
                ("Inkoop", "All", 1, 1), ("Inkoop", "ChatGPT Enterprise", 1, 1), ("Inkoop", "GitHub Copilot", 0, 1),
                ("Productie", "All", 0, 1), ("Productie", "ChatGPT Enterprise", 0, 1), ("Productie", "GitHub Copilot", 0, 1),
                ("Verkoop", "All", 2, 2), ("Verkoop", "ChatGPT Enterprise", 2, 2), ("Verkoop", "GitHub Copilot", 2, 2),
            ]);
        // An's month across tools is one row: the ChatGPT day 03-04 and the GitHub day 03-30 = 2 active days; Bram's 03-10 and
        // 03-27 likewise.
        test.Query<long>("""
            select m.active_days from fct_usage_monthly m join dim_person p using (person_id)
            where m.month = date '2025-03-01' and m.tool = 'All' and p.department = 'Verkoop' order by 1
            """).ShouldBe([2L, 2L]);
    }

    [Fact]
    public void Employee_numbers_and_another_address_join_a_generic_log_and_the_summary_counts_each_key()
    {
        Loaded(test.File("personeel.csv", """
            E-mail;Afdeling;Personeelsnummer;E-mailadres privé
            an.devries@example.nl;Verkoop;00101;an.devries@gmail.com
            bram.jansen@example.nl;Verkoop;00102;
            cor.bakker@example.nl;Productie;00103;

            """));

        // "101" is An's number without the zeros Excel drops; "00103" is Cor's; "999" is nobody's; the gmail address is An's.
        var usage = Loaded(test.File("tijdregistratie_ai.csv", """
            date,user,tool
            2025-03-03,101,Tijdregistratie AI
            2025-03-04,101,Tijdregistratie AI
            2025-03-04,00103,Tijdregistratie AI
            2025-03-05,999,Tijdregistratie AI
            2025-03-06,an.devries@gmail.com,Tijdregistratie AI
            2025-03-07,bram.jansen@example.nl,Tijdregistratie AI

            """));

        // Rows: An 2 + Cor 1 by employee number, An 1 by her other address, Bram 1 by e-mail; 999 is unknown (1 row).
        usage.Message.ShouldContain("Rows joined to the roster: 1 by e-mail, 1 by another e-mail address, 3 by employee number.");
        usage.Message.ShouldContain("1 user(s) are not in any roster yet (1 rows)");
        UsageByDepartment().ShouldBe([("(not in roster)", 1L), ("Productie", 1L), ("Verkoop", 4L)]);
        // An: 3 days in March (03-03, 03-04 by number, 03-06 by address), in one row.
        test.Query<long>("""
            select active_days from fct_usage_monthly m join dim_person p using (person_id) where p.department = 'Verkoop' and tool = 'All' order by 1
            """).ShouldBe([1L, 3L]);
    }

    [Fact]
    public void An_identity_given_to_two_people_joins_neither_and_the_roster_says_where()
    {
        var roster = Loaded(test.File("roster.csv", """
            email,department,github
            an.devries@example.nl,Verkoop,gedeeld-account
            bram.jansen@example.nl,Verkoop,gedeeld-account
            cor.bakker@example.nl,Productie,cor-codes

            """));
        roster.Message.ShouldContain("1 identit(ies) belong to two or more people and join none of them; first: the GitHub login on line(s) 2, 3.");

        var usage = Loaded(test.File("github.csv", "report_time,login,last_authenticated_at,last_activity_at,last_surface_used\n" +
                                                   "2025-03-31T08:00:00Z,gedeeld-account,,2025-03-30T09:15:00Z,VS Code\n" +
                                                   "2025-03-31T08:00:00Z,cor-codes,,2025-03-29T09:15:00Z,VS Code\n"));

        usage.Message.ShouldContain("Rows joined to the roster: 1 by GitHub login.");
        usage.Message.ShouldContain("1 user(s) are not in any roster yet (1 rows)");
    }

    [Fact]
    public void A_value_that_is_one_person_s_login_and_another_s_employee_number_joins_neither_until_an_export_says_which()
    {
        Loaded(test.File("roster.csv", """
            email,department,employee_id,github
            an.devries@example.nl,Verkoop,4242,octo-an
            bram.jansen@example.nl,Productie,1002,4242

            """));

        // A generic log's "4242" may be An's employee number or Bram's GitHub login: it joins neither.
        var generic = Loaded(test.File("log.csv", "date,user,tool\n2025-03-03,4242,Assistent\n"));
        generic.Message.ShouldContain("1 user(s) (1 rows) match two people of the roster by different identities");
        test.Query<string>("select p.department from fct_usage_daily u join dim_person p using (person_id)").ShouldBe(["(not in roster)"]);

        // GitHub's login column holds logins only: "4242" is a GitHub login, so it is Bram's, in both files.
        var github = Loaded(test.File("github.csv", "report_time,login,last_authenticated_at,last_activity_at,last_surface_used\n" +
                                                    "2025-03-31T08:00:00Z,4242,,2025-03-30T09:15:00Z,VS Code\n"));
        github.Message.ShouldContain("Rows joined to the roster: 1 by GitHub login.");
        test.Query<(string Tool, string Department)>("""
            select u.tool, p.department from fct_usage_daily u join dim_person p using (person_id) order by 1
            """).ShouldBe([("Assistent", "Productie"), ("GitHub Copilot", "Productie")]);
    }

    [Fact]
    public void A_newer_roster_without_the_identity_column_drops_the_join()
    {
        Loaded(Personio);
        Loaded(GitHub);
        UsageByDepartment().ShouldBe([("Productie", 1L), ("Verkoop", 2L)]);

        // The roster as it stands describes people: this one carries no GitHub usernames.
        Loaded(test.File("roster.csv", "email,department\nan.devries@example.nl,Verkoop\nbram.jansen@example.nl,Verkoop\n" +
                                       "cor.bakker@example.nl,Productie\ndirk.visser@example.nl,Productie\n"));

        UsageByDepartment().ShouldBe([("(not in roster)", 3L)]);
    }

    [Fact]
    public void Training_survey_and_activity_rows_join_through_identities_too()
    {
        Loaded(test.File("personeel.csv", "E-mail;Afdeling;Personeelsnummer\nan.devries@example.nl;Verkoop;101\nbram.jansen@example.nl;Productie;102\n"));

        var training = Loaded(test.File("training.csv", "user,course,completed_at\n101,AI-basis,2025-03-03\n"));
        var survey = Loaded(test.File("peiling.csv", "response_id,submitted_at,user,AI helpt mij in mijn werk.\nR1,2025-03-03,102,4\n"));
        var activity = Loaded(test.File("activiteiten.csv", "date,type,title,participant\n2025-03-03,workshop,Prompten,101\n"));

        training.Message.ShouldContain("Rows joined to the roster: 1 by employee number.");
        survey.Message.ShouldContain("Rows joined to the roster: 1 by employee number.");
        activity.Message.ShouldContain("Rows joined to the roster: 1 by employee number.");
        test.Query<string>("select p.department from fct_training t join dim_person p using (person_id)").ShouldBe(["Verkoop"]);
        test.Query<string>("select department from fct_survey_response").ShouldBe(["Productie"]);
        test.Query<string>("select department from fct_activity_participation").ShouldBe(["Verkoop"]);
    }
}
