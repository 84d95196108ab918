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
