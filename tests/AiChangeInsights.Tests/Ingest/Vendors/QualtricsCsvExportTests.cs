using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Tests.Ingest.Vendors;

public sealed class QualtricsCsvExportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    static readonly ImportRequest Pulse = new() { Survey = "AI-pulse" };

    const string Trust = "Hoe eens bent u het met de volgende stellingen? - Ik vertrouw de antwoorden van AI.";
    const string Useful = "Hoe eens bent u het met de volgende stellingen? - AI helpt mij mijn werk sneller te doen.";
    const string Recommend = "Hoe waarschijnlijk is het dat u AI aan een collega aanbeveelt?";

    [Fact]
    public void A_numeric_export_loads_responses_from_line_4_and_rejects_previews_and_bad_dates_by_line()
    {
        var summary = test.Import(VendorSamples.Path("qualtrics-ai-pulse-numeric.csv"), Pulse);

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("Qualtrics CSV export");
        // Lines 4-9 are 6 responses (lines 1-3 are the header rows): line 6 is a survey preview (Status 1) and line 8 has
        // RecordedDate 2025-13-45 -> 2 rejected; line 9 repeats R_1 of line 4 -> 1 duplicate; 6 - 2 - 1 = 3 loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((6L, 3L, 2L, 1L));
        summary.Message.ShouldContain("line 6, column 3 (Status)");
        test.Query<(int Line, string Column, string? Value, string Reason)>(
            "select line, column_name, value, reason from import_rejected_row order by line").ShouldBe([
                (6, "Status", null, "a survey preview, test or spam response (Status), not a respondent's: not loaded"),
                (8, "RecordedDate", "2025-13-45 09:04:00", "not a date (expected yyyy-mm-dd or dd-mm-yyyy)"),
            ]);
    }

    [Fact]
    public void Questions_go_by_their_text_on_row_2_and_land_on_their_constructs()
    {
        test.Import(VendorSamples.Path("qualtrics-ai-pulse-numeric.csv"), Pulse);

        // Q2_1, Q2_2 (a matrix) and Q3 are questions; Q3_NPS_GROUP, Q4_TEXT and the embedded data Afdeling/Naam are not.
        test.Query<(string Question, string Construct)>("select question, construct from survey_question order by question").ShouldBe([
            (Useful, "usefulness"), (Trust, "trust"), (Recommend, "recommend"),
        ]);
        // R_1: 4, R_2: 2, R_4 (unfinished, kept): 5.
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'trust' order by response_id").ShouldBe([4m, 2m, 5m]);
        // R_2's -99 is "seen but unanswered" (no answer, not rejected); R_4 stopped before it.
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'usefulness' order by response_id").ShouldBe([5m]);
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'recommend' order by response_id").ShouldBe([9m, 6m]);
        test.Scalar<long>("select count(*) from import_rejected_row where value = '-99'").ShouldBe(0);
    }

    [Fact]
    public void The_response_is_timed_by_RecordedDate_its_department_is_the_embedded_field_and_the_recipient_is_the_person()
    {
        var summary = test.Import(VendorSamples.Path("qualtrics-ai-pulse-numeric.csv"), Pulse);

        // R_4 stopped on 12 March and was recorded when it expired on 19 March.
        test.Query<(string Response, DateTime SubmittedAt, DateTime Wave, string Department)>(
            "select response_id, submitted_at, wave, department from fct_survey_response order by response_id").ShouldBe([
                ("R_1aBcDeFgHiJkLmN", new DateTime(2025, 3, 10, 9, 5, 41), new DateTime(2025, 3, 1), "Verkoop"),
                ("R_2bCdEfGhIjKlMnO", new DateTime(2025, 3, 11, 14, 22, 31), new DateTime(2025, 3, 1), "Productie"),
                ("R_4dEfGhIjKlMnOpQ", new DateTime(2025, 3, 19, 8, 3, 0), new DateTime(2025, 3, 1), "Verkoop"),
            ]);
        // R_1 and R_4 came by e-mail (two people); R_2 by an anonymous link belongs to nobody.
        test.Scalar<long>("select count(*) from person").ShouldBe(2);
        test.Scalar<long>("select count(*) from fct_survey_response where person_id is null").ShouldBe(1);
        summary.Message.ShouldContain("1 unfinished response(s) (Finished = 0) kept with the answers given.");
    }

    [Fact]
    public void The_question_text_and_ImportId_rows_are_never_responses_and_no_name_or_email_is_stored()
    {
        test.Import(VendorSamples.Path("qualtrics-ai-pulse-numeric.csv"), Pulse);

        test.Scalar<long>("""
            select count(*) from raw_survey_response
            where response_id in ('ResponseId', 'Response ID') or response_id like '%ImportId%'
            """).ShouldBe(0);
        test.Scalar<long>("select count(*) from raw_survey_response").ShouldBe(3);
        // Recipient names, the embedded field Naam and the free text of Q4 ("Vraag het maar aan Jan de Vries") are never read.
        test.ShouldStoreNoNamesOrEmails("Vries", "Jansen", "Bakker", "Piet");
    }

    [Fact]
    public void A_choice_text_export_reads_the_labels_and_finds_the_department_question_by_its_text()
    {
        var summary = test.Import(VendorSamples.Path("qualtrics-ai-pulse-choice-text.csv"), Pulse);

        summary.Status.ShouldBe("loaded", summary.Message);
        // Lines 4-6: line 6 is a "Survey Test" response -> 1 rejected, 2 loaded; R_7 has Finished = False and is kept.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((3L, 2L, 1L, 0L));
        test.Scalar<int>("select line from import_rejected_row").ShouldBe(6);
        summary.Message.ShouldContain("1 unfinished response(s)");
        // Q1 "Afdeling - Selected Choice" is the department; the typed "other" (Q1_4_TEXT: Inkoop) is never read.
        test.Query<string>("select department from fct_survey_response order by response_id").ShouldBe(["Verkoop", "Anders, namelijk:"]);
        test.Scalar<long>("select count(*) from raw_survey_response where department = 'Inkoop'").ShouldBe(0);
        // The question texts without their HTML; "Somewhat agree" = 4, "Somewhat disagree" = 2, "10 - Extremely likely" = 10.
        test.Query<string>("select question from survey_question order by question").ShouldBe([Useful, Trust, Recommend]);
        test.Query<(string Construct, decimal Answer)>("select construct, answer from fct_survey_answer order by response_id, construct").ShouldBe([
            ("recommend", 10m), ("trust", 4m), ("usefulness", 5m),
            ("recommend", 0m), ("trust", 2m), ("usefulness", 3m),
        ]);
    }

    [Fact]
    public void An_export_of_a_few_fields_is_timed_by_EndDate_and_says_that_the_departments_are_codes()
    {
        // The export dialog lets the analyst pick fields (here without RecordedDate); numeric values write the
        // department question's choice number.
        var path = test.File("AI-pulse juni.csv", """
            StartDate,EndDate,Status,Finished,ResponseId,Q1,Q2
            Start Date,End Date,Response Type,Finished,Response ID,Afdeling,Ik vertrouw de antwoorden van AI.
            "{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""status""}","{""ImportId"":""finished""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}"
            2025-06-02 10:00:00,2025-06-02 10:03:00,0,1,R_aaaaaaaaaaaaaa1,2,4
            2025-06-02 11:00:00,2025-06-02 11:07:00,0,1,R_aaaaaaaaaaaaaa2,1,5

            """);

        var summary = test.Import(path);

        (summary.RowsRead, summary.RowsLoaded).ShouldBe((2L, 2L), summary.Message);
        summary.Message.ShouldContain("Qualtrics CSV export");
        summary.Message.ShouldContain("2 response(s) give their department as a code (1, 2), which is no department of the roster: " +
                                      "they count in All only until the codes are mapped to departments on the survey's mapping page");
        test.Query<(DateTime SubmittedAt, string Department)>("select submitted_at, department from fct_survey_response order by response_id")
            .ShouldBe([(new DateTime(2025, 6, 2, 10, 3, 0), "2"), (new DateTime(2025, 6, 2, 11, 7, 0), "1")]);
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'trust' order by response_id").ShouldBe([4m, 5m]);
    }

    [Fact]
    public void A_Qualtrics_contact_list_is_another_report_and_is_refused_naming_the_missing_columns()
    {
        var before = test.DataCounts();

        var summary = test.Import(VendorSamples.Path("qualtrics-contact-list.csv"));

        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain("line 1: this looks like a Qualtrics contact list");
        summary.Message.ShouldContain("not the Qualtrics CSV export: the columns 'startdate', 'enddate', 'responseid' are missing");
        test.DataCounts().ShouldBe(before);
    }

    [Fact]
    public void An_export_whose_question_and_ImportId_rows_were_removed_is_refused_rather_than_misread()
    {
        var lines = File.ReadAllLines(VendorSamples.Path("qualtrics-ai-pulse-numeric.csv"));
        var path = test.File("qualtrics-edited.csv", string.Join("\n", lines.Where((_, i) => i is not (1 or 2))) + "\n");

        var summary = test.Import(path, Pulse);

        // Without the two rows, line 2 and 3 are responses: reading on would lose R_1 and R_2 as "header rows".
        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain("line 3: this is a Qualtrics CSV export, but line 2 should hold the question texts");
        test.Scalar<long>("select count(*) from raw_survey_response").ShouldBe(0);
    }

    [Fact]
    public void An_anonymous_link_export_of_numeric_values_is_one_wave_across_the_month_end_and_counts_in_All()
    {
        var summary = test.Import(VendorSamples.Path("qualtrics-ai-pulse-anonymous-numeric.csv"), Pulse);

        // An anonymous link writes no recipient: six responses of nobody. Q1 "Afdeling" is the department question, in
        // numeric values its choice numbers; one respondent skipped it.
        summary.Status.ShouldBe("loaded", summary.Message);
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((6L, 6L, 0L));
        test.Scalar<long>("select count(*) from person").ShouldBe(0);
        summary.Message.ShouldContain("1 response(s) name no person and no department: they count in All only.");
        summary.Message.ShouldContain("5 response(s) give their department as a code (1, 2), which is no department of the roster");

        // 29 September to 3 October is one wave, dated September. By completion month it was two cells of 3, each
        // hidden below the minimum of 5: the survey had no number at all.
        test.Query<(DateTime Wave, DateTime First, DateTime Last, long Responses)>(
            "select wave, first_response_at, last_response_at, responses from survey_wave").ShouldBe([
                (new DateTime(2025, 9, 1), new DateTime(2025, 9, 29, 10, 0, 3), new DateTime(2025, 10, 3, 16, 45, 6), 6L)]);
        test.Query<(string Construct, string Department, long? N, double? Value)>("""
            select construct, department, n, round(value, 2) from survey_results where construct in ('trust', 'recommend') order by construct
            """).ShouldBe([
                // 9, 7, 10, 5, 8, 2: promoters 9, 10 = 2; detractors 5, 2 = 2 -> (2 - 2) / 6 = 0
                ("recommend", "All", 6L, 0.0),
                // (4 + 3 + 5 + 2 + 4 + 1) / 6 = 19 / 6 = 3.17
                ("trust", "All", 6L, 3.17),
            ]);
    }
}

