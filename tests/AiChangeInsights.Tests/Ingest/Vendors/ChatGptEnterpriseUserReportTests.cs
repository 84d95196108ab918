namespace AiChangeInsights.Tests.Ingest.Vendors;

public sealed class ChatGptEnterpriseUserReportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public ChatGptEnterpriseUserReportTests() => test.Import(test.File("roster.csv", VendorSamples.Roster));

    public void Dispose() => test.Dispose();

    const string Report = "Voorbeeld BV monthly user report 2025-03-01.csv";

    [Fact]
    public void Each_active_member_period_becomes_a_chat_row_with_its_messages_and_a_row_per_other_feature()
    {
        var summary = test.Import(VendorSamples.Path(Report));

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("ChatGPT Enterprise user report");
        // February: An Chat + GPTs + Tools = 3, Bram inactive = 0; March: An Chat + Projects = 2, Bram Chat = 1, Cor Chat = 1,
        // Eva Chat = 1 -> 8 read. Cor's first day active 2025-03-32 does not exist (line 6): 1 rejected, 7 loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((8L, 7L, 1L, 0L));
        test.Query<(int Line, string Column, string Value)>("select line, column_name, value from import_rejected_row where import_id = $id",
            new { id = summary.ImportId }).ShouldBe([(6, "first_day_active_in_period", "2025-03-32")]);

        // Eva has no first day active: her row falls on the period's start. Only Chat rows carry the messages.
        test.Query<(DateTime Day, string Feature, int? Actions)>("select usage_date, feature, actions from fct_usage_daily order by usage_date, feature")
            .ShouldBe([
                (new DateTime(2025, 2, 3), "Chat", 120),
                (new DateTime(2025, 2, 3), "GPTs", null),
                (new DateTime(2025, 2, 3), "Tools", null),
                (new DateTime(2025, 3, 1), "Chat", 12),
                (new DateTime(2025, 3, 4), "Chat", 80),
                (new DateTime(2025, 3, 4), "Projects", null),
                (new DateTime(2025, 3, 10), "Chat", 15),
            ]);
        test.Query<string>("select distinct tool from fct_usage_daily").ShouldBe(["ChatGPT Enterprise"]);
        // 120 + 12 + 80 + 15 = 227 messages: the GPT, tool and project rows add none.
        test.Scalar<long>("select sum(actions)::bigint from fct_usage_daily").ShouldBe(227);
    }

    [Fact]
    public void A_bad_period_start_names_that_column_when_the_row_took_its_date_from_it()
    {
        var report = test.File("Voorbeeld BV monthly user report 2025-04-01.csv", """
            cadence,period_start,period_end,email,is_active,first_day_active_in_period,messages,gpt_messages
            Monthly,2025-04-01,2025-04-30,an.devries@example.nl,1,2025-04-31,9,2
            Monthly,2025-04-31,2025-04-30,bram.jansen@example.nl,1,,5,3
            Monthly,2025-04-31,2025-04-30,cor.bakker@example.nl,1,2025-04-07,4,0
            """);

        var summary = test.Import(report);

        summary.Status.ShouldBe("loaded", summary.Message);
        // Rows: An Chat + GPTs (line 2), Bram Chat + GPTs (line 3), Cor Chat (line 4) = 5 read. An's first day active is
        // 2025-04-31 (column 6): 2 rows rejected. Bram has none, so his rows take period_start 2025-04-31 (column 2): 2 more.
        // Cor's period_start is as bad, but his first day active dates his row: 1 loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((5L, 1L, 4L));
        test.Query<(int Line, string Column, string Value)>(
            "select distinct line, column_name, value from import_rejected_row where import_id = $id order by line",
            new { id = summary.ImportId }).ShouldBe([
                (2, "first_day_active_in_period", "2025-04-31"),
                (3, "period_start", "2025-04-31"),
            ]);
        summary.Message.ShouldContain("first at line 2, column 6 (first_day_active_in_period): not a date");
        test.Query<DateTime>("select usage_date from fct_usage_daily").ShouldBe([new DateTime(2025, 4, 7)]);
    }

    [Fact]
    public void Inactive_members_and_the_period_rule_are_in_the_notes_and_no_name_is_stored()
    {
        var summary = test.Import(VendorSamples.Path(Report));

        summary.Message.ShouldContain("1 member-period(s) without messages add no usage rows.");
        summary.Message.ShouldContain("each member's period counts as one active day");
        // Eva is not in the roster.
        summary.Message.ShouldContain("1 user(s) are not in any roster yet");
        test.ShouldStoreNoNamesOrEmails("An de Vries", "Bram Jansen", "Eva Smit", "user-an01", "Offertehulp");
    }

    [Fact]
    public void A_gpt_engagement_report_is_refused_as_another_chatgpt_export()
    {
        var summary = test.Import(VendorSamples.Path("Voorbeeld BV monthly gpt report 2025-03-01.csv"));

        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain("this looks like a ChatGPT Enterprise analytics export, but not the ChatGPT Enterprise user report");
        summary.Message.ShouldContain("'email', 'messages' are missing");
    }
}
