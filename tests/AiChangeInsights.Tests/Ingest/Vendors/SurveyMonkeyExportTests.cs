using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Tests.Ingest.Vendors;

public sealed class SurveyMonkeyExportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    static readonly ImportRequest Pulse = new() { Survey = "AI-pulse" };

    const string Statements = "In hoeverre bent u het eens met de volgende stellingen?";

    [Fact]
    public void An_all_responses_export_loads_from_line_3_and_names_a_response_without_id()
    {
        var summary = test.Import(VendorSamples.Path("surveymonkey-ai-pulse.csv"), Pulse);

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("SurveyMonkey export");
        // Lines 3-6 are 4 responses (line 2 holds the answer labels): line 5 has no Respondent ID -> 1 rejected, 3 loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((4L, 3L, 1L, 0L));
        summary.Message.ShouldContain("line 5, column 1 (Respondent ID): response_id is required but empty");
        test.Scalar<long>("select count(*) from raw_survey_response where response_id = 'Response' or department = 'Response'").ShouldBe(0);
    }

    [Fact]
    public void A_matrix_question_carries_its_text_to_each_row_and_the_answers_land_on_their_constructs()
    {
        test.Import(VendorSamples.Path("surveymonkey-ai-pulse.csv"), Pulse);

        // The matrix's second column has an empty first-row cell (the last column of the file): it is still its question.
        test.Query<(string Question, string Construct)>("""
            select question, construct from survey_question where construct <> 'unmapped' order by question
            """).ShouldBe([
                ("Hoe waarschijnlijk is het dat u AI aan een collega aanbeveelt?", "recommend"),
                ($"{Statements} - AI helpt mij mijn werk sneller te doen.", "usefulness"),
                ($"{Statements} - Ik vertrouw de antwoorden van AI.", "trust"),
            ]);
        // Agree 4, Disagree 2, Strongly disagree 1; Strongly agree 5, Neither 3, Disagree 2; NPS 9, 6, 10.
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'trust' order by response_id").ShouldBe([4m, 2m, 1m]);
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'usefulness' order by response_id").ShouldBe([5m, 3m, 2m]);
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'recommend' order by response_id").ShouldBe([9m, 6m, 10m]);
    }

    [Fact]
    public void End_Date_with_AM_PM_is_read_month_first_into_its_wave_with_the_department_question()
    {
        test.Import(VendorSamples.Path("surveymonkey-ai-pulse.csv"), Pulse);

        test.Query<(string Response, DateTime SubmittedAt, DateTime Wave, string Department)>(
            "select response_id, submitted_at, wave, department from fct_survey_response order by response_id").ShouldBe([
                ("114000000001", new DateTime(2025, 3, 10, 9, 15, 22), new DateTime(2025, 3, 1), "Verkoop"),
                ("114000000002", new DateTime(2025, 3, 12, 13, 5, 0), new DateTime(2025, 3, 1), "Productie"),
                // 1 April (04/01/2025, month first) is 20 days after 12 March: the same wave, dated March.
                ("114000000004", new DateTime(2025, 4, 1, 8, 0, 0), new DateTime(2025, 3, 1), "Verkoop"),
            ]);
        // Email Address is the person for an e-mail collector (two people); the web-link response belongs to nobody.
        test.Scalar<long>("select count(*) from person").ShouldBe(2);
    }

    [Fact]
    public void Names_custom_data_and_typed_text_are_never_stored()
    {
        var summary = test.Import(VendorSamples.Path("surveymonkey-ai-pulse.csv"), Pulse);

        // "Other (please specify)" ("Eigen tool van Piet") and the open-ended answer ("… zegt An") are never read.
        test.ShouldStoreNoNamesOrEmails("Vries", "Jansen", "Piet", "zegt An");
        test.Scalar<long>("select count(*) from survey_question where question like '%Other%' or question like '%verbeteren%'").ShouldBe(0);
        // Multiple-answer options hold option names, not scores: left out like free text.
        summary.Message.ShouldContain("'Welke AI-tools gebruikt u? - ChatGPT'");
    }

    [Fact]
    public void A_summary_export_is_another_report_and_is_refused_naming_the_missing_columns()
    {
        var summary = test.Import(VendorSamples.Path("surveymonkey-ai-pulse-summary.csv"), Pulse);

        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain("line 2: this looks like a SurveyMonkey summary export");
        summary.Message.ShouldContain("the columns 'respondent_id', 'collector_id', 'start_date', 'end_date' are missing");
        test.Scalar<long>("select count(*) from raw_survey_response").ShouldBe(0);
    }
}
