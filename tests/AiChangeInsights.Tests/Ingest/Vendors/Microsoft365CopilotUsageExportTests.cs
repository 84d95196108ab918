namespace AiChangeInsights.Tests.Ingest.Vendors;

public sealed class Microsoft365CopilotUsageExportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public Microsoft365CopilotUsageExportTests() => test.Import(test.File("roster.csv", VendorSamples.Roster));

    public void Dispose() => test.Dispose();

    [Fact]
    public void Each_app_date_becomes_a_usage_row_and_a_bad_date_names_its_line()
    {
        var summary = test.Import(VendorSamples.Path("m365-copilot-usage-user-detail-v1.csv"));

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Source.ShouldBe("usage");
        summary.Message.ShouldContain("Microsoft 365 Copilot usage report (user detail)");
        // Rows are app dates: An 4 (Chat, Teams, Word, Outlook; her overall date is Teams'), Bram 2 (Excel, and his overall
        // date matches no app: 'Other Copilot app'), Cor 0 (no activity), the concealed user 1 (Chat), Dirk 2 (Teams, Word)
        // = 9 read; Dirk's Teams date 2025-02-30 does not exist (line 6): 1 rejected, 8 loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((9L, 8L, 1L, 0L));
        // The bad date names the app column it came from (the 6th), not the template's "date".
        test.Query<(int Line, string Column, string Value)>("select line, column_name, value from import_rejected_row where import_id = $id",
            new { id = summary.ImportId }).ShouldBe([(6, "Microsoft Teams Copilot Last Activity Date", "2025-02-30")]);
        summary.Message.ShouldContain("first at line 6, column 6 (Microsoft Teams Copilot Last Activity Date): not a date");

        test.Query<(DateTime Day, string Feature)>("select usage_date, feature from fct_usage_daily order by usage_date, feature").ShouldBe([
            (new DateTime(2025, 3, 2), "Excel"),
            (new DateTime(2025, 3, 14), "Word"),
            (new DateTime(2025, 3, 20), "Copilot Chat"),
            (new DateTime(2025, 3, 25), "Other Copilot app"),
            (new DateTime(2025, 3, 27), "Copilot Chat"),
            (new DateTime(2025, 3, 28), "Outlook"),
            (new DateTime(2025, 3, 28), "Teams"),
            (new DateTime(2025, 3, 29), "Word"),
        ]);
        test.Query<string>("select distinct tool from fct_usage_daily").ShouldBe(["Microsoft 365 Copilot"]);
        // Per department: Verkoop = An 4 + Bram 2 rows; Productie = Dirk's Word row; the concealed user joins no department.
        test.Query<(string Department, long Rows)>("""
            select p.department, count(*) from fct_usage_daily u join dim_person p using (person_id) group by all order by 1
            """).ShouldBe([("(not in roster)", 1L), ("Productie", 1L), ("Verkoop", 6L)]);
    }

    [Fact]
    public void Concealed_and_inactive_users_are_named_in_the_notes_and_no_name_is_stored()
    {
        var summary = test.Import(VendorSamples.Path("m365-copilot-usage-user-detail-v1.csv"));

        summary.Message.ShouldContain("1 of 5 licensed user(s) have no Copilot activity date");
        summary.Message.ShouldContain("1 user(s) have concealed names (hashed identifiers): they count as users but cannot join to the roster");
        summary.Message.ShouldContain("Display concealed user, group, and site names in all reports");
        // The roster has 4 people; the hashed identifier is a 5th person, outside the roster.
        test.Scalar<long>("select count(*) from person").ShouldBe(5);
        test.ShouldStoreNoNamesOrEmails("An de Vries", "Bram Jansen", "Dirk Visser", "C65E8D8AFA0DAB9639EDFAAEA94AFE66", "9F86D081884C7D659A2FEAE0C55AD015");
    }

    [Fact]
    public void Version_2_reads_the_chat_split_and_agents_and_skips_entry_points_and_prompt_counts()
    {
        var summary = test.Import(VendorSamples.Path("m365-copilot-usage-user-detail-v2.csv"));

        // An: Chat (work) 04-10, Chat (web) 04-02, Agents 04-08 (the combined Chat date and the Microsoft 365 Copilot and
        // Edge entry points add nothing); Bram: Teams 04-11, PowerPoint 04-07. 5 rows, all loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((5L, 5L, 0L), summary.Message);
        test.Query<(DateTime Day, string Feature, int? Actions)>("select usage_date, feature, actions from fct_usage_daily order by usage_date").ShouldBe([
            (new DateTime(2025, 4, 2), "Copilot Chat (web)", null),
            (new DateTime(2025, 4, 7), "PowerPoint", null),
            (new DateTime(2025, 4, 8), "Agents", null),
            (new DateTime(2025, 4, 10), "Copilot Chat (work)", null),
            (new DateTime(2025, 4, 11), "Teams", null),
        ]);
    }

    [Fact]
    public void The_admin_center_export_with_its_table_names_loads_the_same_way()
    {
        var summary = test.Import(VendorSamples.Path("m365-copilot-usage-admin-center.csv"));

        // Teams 05-06, Outlook 05-02, Chat (work) 05-05; the Microsoft 365 App date is an entry point, not an app.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((3L, 3L, 0L), summary.Message);
        test.Query<string>("select feature from fct_usage_daily order by usage_date").ShouldBe(["Outlook", "Copilot Chat (work)", "Teams"]);
    }

    [Fact]
    public void Importing_next_weeks_report_adds_only_the_new_dates()
    {
        test.Import(VendorSamples.Path("m365-copilot-usage-user-detail-v1.csv"));
        var nextWeek = test.File("m365-next-week.csv", """
            Report Refresh Date,User Principal Name,Display Name,Last Activity Date,Copilot Chat Last Activity Date,Microsoft Teams Copilot Last Activity Date,Word Copilot Last Activity Date,Excel Copilot Last Activity Date,PowerPoint Copilot Last Activity Date,Outlook Copilot Last Activity Date,OneNote Copilot Last Activity Date,Loop Copilot Last Activity Date,Report Period
            2025-04-07,an.devries@example.nl,An de Vries,2025-04-03,2025-04-03,2025-03-28,2025-03-14,,,2025-03-28,,,7

            """);

        var summary = test.Import(nextWeek);

        // Chat moved to 04-03 (new); Teams, Word and Outlook are the dates already loaded: 3 duplicates.
        (summary.RowsRead, summary.RowsLoaded, summary.Duplicates).ShouldBe((4L, 1L, 3L), summary.Message);
        test.Scalar<long>("select count(*) from fct_usage_daily").ShouldBe(9);
    }

    [Fact]
    public void A_teams_user_activity_report_is_refused_as_another_microsoft_365_report()
    {
        var summary = test.Import(VendorSamples.Path("teams-user-activity-user-detail.csv"));

        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain("line 1: this looks like a Microsoft 365 usage report, but not the Microsoft 365 Copilot usage report (user detail)");
        summary.Message.ShouldContain("'microsoft_teams_copilot_last_activity_date', 'copilot_chat_last_activity_date' are missing");
        test.Scalar<long>("select count(*) from raw_usage").ShouldBe(0);
    }
}
