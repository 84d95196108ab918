using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Tests.Ingest.Vendors;

public sealed class LimeSurveyExportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    static readonly ImportRequest Pulse = new() { Survey = "AI-pulse" };

    const string Statements = "Hoe eens bent u het met de volgende stellingen?";

    [Fact]
    public void Question_code_headings_load_full_answers_and_keep_an_incomplete_response_dated_by_its_last_action()
    {
        var summary = test.Import(VendorSamples.Path("limesurvey-results-survey482913-codes.csv"), Pulse);

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("LimeSurvey export (question codes)");
        // Lines 2-5 are 4 responses (the blank line at the end is none): line 4 has submitdate 2025-02-30 -> 1 rejected,
        // 3 loaded; id 2 has no submitdate (incomplete) and is dated by datestamp.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((4L, 3L, 1L, 0L));
        summary.Message.ShouldContain("line 4, column 2 (submitdate): not a date");
        summary.Message.ShouldContain("1 incomplete response(s) (no submitdate) kept with the answers given, dated by their last action.");
        test.Query<(string Response, DateTime SubmittedAt, string Department)>(
            "select response_id, submitted_at, department from fct_survey_response order by response_id").ShouldBe([
                ("1", new DateTime(2025, 9, 15, 9, 15, 22), "Verkoop"),
                ("2", new DateTime(2025, 9, 16, 10, 4, 0), "Anders"),
                ("4", new DateTime(2025, 9, 17, 8, 30, 0), "Verkoop"),
            ]);
        // The participant's email is the person (ids 1, 2, 4); id 3's row was rejected before anyone was pseudonymised.
        test.Scalar<long>("select count(*) from person").ShouldBe(3);
    }

    [Fact]
    public void Codes_are_the_question_names_until_mapped_and_timings_other_text_and_attributes_are_never_questions()
    {
        test.Import(VendorSamples.Path("limesurvey-results-survey482913-codes.csv"), Pulse);

        // "aanbeveling" maps by keyword; array rows go by their code until the analyst maps them on the Imports page.
        test.Query<(string Question, string Construct)>("select question, construct from survey_question order by question").ShouldBe([
            ("Q1[SQ001]", "unmapped"), ("Q1[SQ002]", "unmapped"), ("aanbeveling", "recommend"),
        ]);
        // Full answers: Mee eens 4, Oneens 2, Helemaal oneens 1 | Helemaal mee eens 5, (none), Oneens 2 | 9, (none), 3.
        test.Query<(string Question, decimal Answer)>("select question, answer from fct_survey_answer order by question, response_id").ShouldBe([
            ("Q1[SQ001]", 4m), ("Q1[SQ001]", 2m), ("Q1[SQ001]", 1m),
            ("Q1[SQ002]", 5m), ("Q1[SQ002]", 2m),
            ("aanbeveling", 9m), ("aanbeveling", 3m),
        ]);
        test.ShouldStoreNoNamesOrEmails("Vries", "Jansen", "Smit", "Bakker", "Inkoop", "Goed idee");
    }

    [Fact]
    public void Full_question_text_headings_with_answer_codes_load_per_text_and_ignore_an_answer_off_the_scale()
    {
        var summary = test.Import(VendorSamples.Path("limesurvey-results-survey482913-full.csv"), Pulse);

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("LimeSurvey export (full question texts)");
        // Lines 2-4, all valid (semicolons, BOM); id 13 answered 7 on the 1-5 statement: that answer alone is ignored.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((3L, 3L, 0L, 0L));
        test.Query<(int Line, string Column, string Value)>("select line, column_name, value from import_rejected_row").ShouldBe([
            (4, $"{Statements} [Ik vertrouw de antwoorden van AI.]", "7"),
        ]);
        test.Query<(string Construct, string Question)>("select construct, question from survey_question order by construct").ShouldBe([
            ("recommend", "Hoe waarschijnlijk is het dat u AI aan een collega aanbeveelt?"),
            ("trust", $"{Statements} [Ik vertrouw de antwoorden van AI.]"),
            ("usefulness", $"{Statements} [AI helpt mij mijn werk sneller te doen.]"),
        ]);
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'trust' order by response_id").ShouldBe([4m, 2m]);
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'usefulness' order by response_id").ShouldBe([5m, 3m, 4m]);
        test.Query<string>("select department from fct_survey_response order by response_id").ShouldBe(["Verkoop", "Productie", "Productie"]);
        test.Query<DateTime>("select distinct wave from fct_survey_response").ShouldBe([new DateTime(2025, 10, 1)]);
    }

    [Fact]
    public void A_survey_without_date_stamps_is_refused_rather_than_put_in_a_1980_wave()
    {
        var path = test.File("results-survey112233.csv", """
            "id","submitdate","lastpage","startlanguage","seed","afdeling","aanbeveling"
            "1","1980-01-01 00:00:00","2","nl","17","Verkoop","8"

            """);

        var summary = test.Import(path, Pulse);

        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain("line 2, column 2 (submitdate): 1980-01-01 is LimeSurvey's placeholder");
        test.Scalar<long>("select count(*) from raw_survey_response").ShouldBe(0);
    }
}
