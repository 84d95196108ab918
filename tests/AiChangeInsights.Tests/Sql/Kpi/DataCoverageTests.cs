namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>
/// data_coverage: every source (and usage tool) has a row for each month between its first and its last, present,
/// missing or partial, so that a missing export is named instead of a month silently dropping off the axis.
/// </summary>
public sealed class DataCoverageTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    List<(string Tool, string Month, long Rows, string Status, long CoveredDays)> Coverage(string source) =>
        test.Query<(string, string, long, string, long)>("""
            select tool, strftime(month, '%Y-%m'), rows, status, covered_days from data_coverage
            where source = $source order by tool, month
            """, new { source });

    [Fact]
    public void A_log_that_stops_early_is_partial_a_month_between_two_exports_is_missing_and_All_tools_says_so()
    {
        // Copilot: one log from Monday 6 January to Friday 28 February 2025 (its first row by the 10th and its last in
        // February's last 9 days: whole months). ChatGPT: a January log that stops on Friday the 17th, then a March log
        // from Monday the 3rd to the 31st; no export for February.
        Import("roster.csv", "email,department\na@example.nl,Verkoop\nb@example.nl,Verkoop");
        Import("copilot.csv", """
            date,user,tool
            2025-01-06,a@example.nl,Copilot
            2025-01-07,b@example.nl,Copilot
            2025-02-28,a@example.nl,Copilot
            """);
        Import("chatgpt_jan.csv", """
            date,user,tool
            2025-01-02,a@example.nl,ChatGPT
            2025-01-17,a@example.nl,ChatGPT
            """);
        Import("chatgpt_mar.csv", """
            date,user,tool
            2025-03-03,b@example.nl,ChatGPT
            2025-03-31,b@example.nl,ChatGPT
            """);

        Coverage("usage").ShouldBe([
            // All: January partial (ChatGPT covers 1-17 only), February partial (no ChatGPT export), March present
            // (only ChatGPT runs: Copilot's log ended in February). Rows: person-days over both tools, each day once:
            // January a 6, b 7, a 2, a 17 = 4; February a 28 = 1; March b 3, b 31 = 2.
            ("All", "2025-01", 4, "partial", 31), ("All", "2025-02", 1, "partial", 28), ("All", "2025-03", 2, "present", 31),
            ("ChatGPT", "2025-01", 2, "partial", 17), ("ChatGPT", "2025-02", 0, "missing", 0), ("ChatGPT", "2025-03", 2, "present", 31),
            ("Copilot", "2025-01", 2, "present", 31), ("Copilot", "2025-02", 1, "present", 28),
        ]);
        // The usage KPIs follow: ChatGPT has none for February, All tools has one (Copilot's), marked partial above.
        test.Query<string>("select distinct tool from kpi_monthly where kpi = 'adoption_rate' and month = '2025-02-01' order by 1")
            .ShouldBe(["All", "Copilot"]);
    }

    [Fact]
    public void A_month_without_a_single_row_inside_one_log_is_a_missing_export_not_a_month_without_use()
    {
        // One file from January to March without any row in February: an export that was left out when the months
        // were joined, far likelier than a month in which nobody used the tool.
        Import("copilot_q1.csv", """
            date,user,tool
            2025-01-06,a@example.nl,Copilot
            2025-03-31,a@example.nl,Copilot
            """);

        Coverage("usage").Where(c => c.Tool == "Copilot").Select(c => (c.Month, c.Status))
            .ShouldBe([("2025-01", "present"), ("2025-02", "missing"), ("2025-03", "present")]);
    }

    [Fact]
    public void Other_sources_cover_the_months_of_their_imports_and_survey_months_between_waves_are_not_expected()
    {
        Import("training_1.csv", """
            user,course,completed_at
            a@example.nl,AI-basis,2025-01-10
            b@example.nl,AI-basis,2025-02-20
            """);
        Import("training_2.csv", """
            user,course,completed_at
            c@example.nl,AI-basis,2025-04-02
            """);
        Import("pulse.csv", """
            response_id,submitted_at,department,Ik ben tevreden over de AI-tools die ik gebruik.
            1,2025-02-03 09:00,Verkoop,4
            2,2025-05-05 09:00,Verkoop,3
            """);

        // Training: the first import covers January-February, the second April; March lies between them.
        Coverage("training").Select(c => (c.Month, c.Rows, c.Status))
            .ShouldBe([("2025-01", 1L, "present"), ("2025-02", 1L, "present"), ("2025-03", 0L, "missing"), ("2025-04", 1L, "present")]);
        // Survey waves in February and May: the months between have no survey, which no one expects of a survey.
        test.Query<(string, string, bool)>("""
            select strftime(month, '%Y-%m'), status, expected from data_coverage where source = 'survey' order by month
            """).ShouldBe([("2025-02", "present", false), ("2025-03", "missing", false), ("2025-04", "missing", false), ("2025-05", "present", false)]);
    }

    [Fact]
    public void Undoing_an_export_takes_its_months_with_it()
    {
        Import("copilot_jan.csv", """
            date,user,tool
            2025-01-06,a@example.nl,Copilot
            2025-01-31,a@example.nl,Copilot
            """);
        var february = test.Import(test.File("copilot_feb.csv", "date,user,tool\n2025-02-03,a@example.nl,Copilot\n2025-02-28,a@example.nl,Copilot\n"));

        Coverage("usage").Count(c => c.Tool == "Copilot").ShouldBe(2);
        new AiChangeInsights.Warehouse.Ingest.ImportUndo(test.Warehouse).Undo(february.ImportId!.Value, "test");
        Coverage("usage").Where(c => c.Tool == "Copilot").Select(c => (c.Month, c.Status)).ShouldBe([("2025-01", "present")]);
    }

    void Import(string name, string content)
    {
        var summary = test.Import(test.File(name, content + "\n"));
        summary.Status.ShouldBe("loaded", summary.Message);
        summary.RowsRejected.ShouldBe(0, summary.Message);
    }
}
