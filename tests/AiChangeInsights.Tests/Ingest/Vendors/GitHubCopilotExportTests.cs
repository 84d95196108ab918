namespace AiChangeInsights.Tests.Ingest.Vendors;

public sealed class GitHubCopilotExportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void The_activity_report_gives_each_active_seat_a_row_on_its_last_activity_day()
    {
        var summary = test.Import(VendorSamples.Path("github-copilot-activity-report.csv"));

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("GitHub Copilot activity report");
        // 5 seats; cor-codes shows "None" (no activity in 90 days) and adds no row: 4 read. eva-gh's month 13 (line 6) is
        // rejected: 3 loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((4L, 3L, 1L, 0L));
        test.Query<(int Line, string Column)>("select line, column_name from import_rejected_row where import_id = $id", new { id = summary.ImportId })
            .ShouldBe([(6, "last_activity_at")]);
        // The surface without its version.
        test.Query<(DateTime Day, string Feature)>("select usage_date, feature from fct_usage_daily order by usage_date").ShouldBe([
            (new DateTime(2025, 3, 27), "JetBrains IntelliJ IDEA"),
            (new DateTime(2025, 3, 29), "Copilot Chat"),
            (new DateTime(2025, 3, 30), "VS Code"),
        ]);
        test.Query<string>("select distinct tool from fct_usage_daily").ShouldBe(["GitHub Copilot"]);
        summary.Message.ShouldContain("1 of 5 seat(s) show no Copilot activity");
        summary.Message.ShouldContain("GitHub logins are not e-mail addresses");
        test.ShouldStoreNoNamesOrEmails("octo-an", "bram-dev", "dirk-gh", "eva-gh");
    }

    [Fact]
    public void The_per_user_metrics_report_gives_a_row_per_feature_used_that_day()
    {
        var summary = test.Import(VendorSamples.Path("github-copilot-users-1-day.ndjson"));

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("GitHub Copilot usage metrics (per user)");
        // octo-an: code_completion and chat_panel_ask_mode (2), bram-dev: cli (1), cor-codes: no feature with activity, one
        // row without a feature (1), octo-an again on day 2025-10-32 (line 4, 1 row) -> 5 read, 1 rejected, 4 loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((5L, 4L, 1L));
        test.Query<(int Line, string Column, string Value)>("select line, column_name, value from import_rejected_row where import_id = $id",
            new { id = summary.ImportId }).ShouldBe([(4, "day", "2025-10-32")]);
        // Actions: accepted completions (4), chat prompts (3), CLI prompts (2), and the day's interactions (1) where no feature shows.
        test.Query<(string Feature, int Actions)>("select feature, actions from fct_usage_daily order by feature").ShouldBe([
            ("", 1), ("chat_panel_ask_mode", 3), ("cli", 2), ("code_completion", 4),
        ]);
        test.Query<DateTime>("select distinct usage_date from fct_usage_daily").ShouldBe([new DateTime(2025, 10, 1)]);
        test.ShouldStoreNoNamesOrEmails("octo-an", "bram-dev", "cor-codes");
    }

    [Fact]
    public void The_metrics_api_totals_are_refused_because_they_name_no_person()
    {
        var summary = test.Import(VendorSamples.Path("github-copilot-metrics-api.json"));

        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain("line 2: this is the GitHub Copilot metrics API (organisation daily totals): it holds organisation-wide daily totals");
        summary.Message.ShouldContain("GitHub Copilot activity report");
        summary.Message.ShouldContain("users-1-day");
        test.Scalar<long>("select count(*) from raw_usage").ShouldBe(0);
    }

    [Fact]
    public void A_json_file_cut_off_in_the_middle_is_refused_naming_the_line()
    {
        var summary = test.Import(test.File("users-1-day.ndjson", """
            {"day":"2025-10-01","user_login":"octo-an","totals_by_feature":[]}
            {"day":"2025-10-01","user_login":"bram-dev","totals_by_feature":[

            """));

        summary.Status.ShouldBe("rejected");
        // The parser gives up at the end of the file (line 3, column 1); the record that was cut off starts on line 2.
        summary.Message.ShouldStartWith("users-1-day.ndjson line 3, column 1: the JSON could not be parsed");
        summary.Message.ShouldEndWith("The object that starts on line 2 is never closed: is the file cut off?");
    }
}
