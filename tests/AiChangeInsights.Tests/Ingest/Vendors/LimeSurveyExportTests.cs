using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Warehouse.Ingest.Survey;
using static AiChangeInsights.Tests.Sql.Kpi.SurveyFixture;

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

    const string Anonymised = "limesurvey-results-survey735184-anonymised-codes.csv";

    [Fact]
    public void An_anonymised_export_with_answer_codes_loads_reads_each_code_as_its_number_and_counts_in_All_only()
    {
        test.Import(test.File("roster.csv", VendorSamples.Roster));

        var summary = test.Import(VendorSamples.Path(Anonymised), Pulse);

        // An anonymised survey has no token and no participant fields: nobody is a person, and no row needs one.
        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("LimeSurvey export (question codes)");
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((9L, 9L, 0L));
        summary.Message.ShouldContain("1 response(s) name no person and no department: they count in All only.");
        summary.Message.ShouldContain("8 response(s) give their department as a code (AO01, AO02, AO03), which is no department of the roster: " +
                                      "they count in All only until the codes are mapped to departments on the survey's mapping page");
        summary.Message.ShouldContain("Answered with answer codes, each read as its number (AO01 = 1, AO05 = 5): 'Q1[SQ001]', 'Q1[SQ002]'.");
        summary.Message.ShouldContain("Free-text column(s) not stored (they may name people): 'opmerking'.");
        test.Scalar<long>("select count(*) from person where first_import_id = $id", new { id = summary.ImportId }).ShouldBe(0);
        // Q1[SQ001] as exported: AO04, AO02, AO04, AO05, AO03, AO01, AO04, AO05, AO04.
        test.Query<decimal>("select answer from raw_survey_answer where question = 'Q1[SQ001]' order by response_id::integer")
            .ShouldBe([4m, 2m, 4m, 5m, 3m, 1m, 4m, 5m, 4m]);

        new SurveyMapping(test.Warehouse).Confirm("AI-pulse", [new("Q1[SQ001]", "trust", false)], "analyst");

        // 24 September to 8 October: one wave, dated September. All 9 responses count in All and in no department.
        test.Query<(DateTime Wave, long Responses)>("select wave, responses from survey_wave").ShouldBe([(new DateTime(2025, 9, 1), 9L)]);
        test.Query<(string Construct, string Department, long? N, double? Value)>("""
            select construct, department, n, round(value, 2) from survey_results where construct in ('trust', 'recommend') order by construct
            """).ShouldBe([
                // promoters 9, 10, 9, 10, 9 = 5; detractors 6, 3 = 2: (5 - 2) / 9 x 100 = 33.33
                ("recommend", "All", 9L, 33.33),
                // (4 + 2 + 4 + 5 + 3 + 1 + 4 + 5 + 4) / 9 = 32 / 9 = 3.56
                ("trust", "All", 9L, 3.56),
            ]);
    }

    [Fact]
    public void Department_codes_mapped_by_the_analyst_count_in_their_departments_in_this_wave_and_the_next()
    {
        Setting(test, "min_group_size", "3");
        test.Import(test.File("roster.csv", VendorSamples.Roster));
        test.Import(VendorSamples.Path(Anonymised), Pulse);
        var departments = new SurveyDepartments(test.Warehouse);
        departments.Values("AI-pulse").Select(v => (v.Text, v.Responses, v.MappedTo)).ShouldBe([
            ("AO01", 4L, (string?)null), ("AO02", 3L, null), ("AO03", 1L, null)]);

        departments.Map("AI-pulse", [new("AO01", "Verkoop"), new("AO02", "Productie"), new("AO03", "")], "analyst")
            .ShouldBe(["'AO01' → Verkoop", "'AO02' → Productie"]);

        test.Query<(string Department, long Responses)>("select department, count(*) from fct_survey_response group by 1 order by 1")
            .ShouldBe([("(unknown)", 1L), ("AO03", 1L), ("Productie", 3L), ("Verkoop", 4L)]);
        test.Query<(string Department, long? N, double? Value, bool Suppressed)>("""
            select department, n, round(value, 2), suppressed from survey_results where construct = 'recommend' order by department
            """).ShouldBe([
                ("All", 9L, 33.33, false),
                // 3 >= 3, but All 9 - Verkoop 4 - Productie 3 leaves 2 (AO03 and the anonymous one) < 3: Productie, the
                // smallest, is hidden to protect them.
                ("Productie", null, null, true),
                // ids 1, 2, 5, 9 answered 9, 6, 7, 9: promoters 2, detractors 1 -> (2 - 1) / 4 x 100 = 25
                ("Verkoop", 4L, 25.0, false),
            ]);

        // The next wave, exported the same way in December: the remembered mapping applies to it too.
        var december = test.File("results-survey735184-december.csv", """
            "id","submitdate","lastpage","startlanguage","seed","startdate","datestamp","afdeling","Q1[SQ001]","Q1[SQ002]","aanbeveling"
            "10","2025-12-01 09:00:00","2","nl","100","2025-12-01 08:55:00","2025-12-01 09:00:00","AO01","AO04","AO04","8"
            "11","2025-12-02 09:00:00","2","nl","101","2025-12-02 08:55:00","2025-12-02 09:00:00","AO01","AO05","AO05","10"
            "12","2025-12-03 09:00:00","2","nl","102","2025-12-03 08:55:00","2025-12-03 09:00:00","AO02","AO03","AO02","4"

            """);
        var next = test.Import(december, Pulse);
        next.Message.ShouldContain("3 response(s) count in their department through this survey's mapping of department codes.");
        next.Message.ShouldNotContain("give their department as a code");
        test.Query<(DateTime Wave, string Department, long Responses)>("""
            select wave, department, count(*) from fct_survey_response where wave = date '2025-12-01' group by all order by 2
            """).ShouldBe([(new DateTime(2025, 12, 1), "Productie", 1L), (new DateTime(2025, 12, 1), "Verkoop", 2L)]);

        // A department the roster does not have is refused, and nothing changes.
        Should.Throw<SurveyEditRefusedException>(() => departments.Map("AI-pulse", [new("AO03", "Inkoop")], "analyst"))
            .Message.ShouldStartWith("'Inkoop' is no department of the roster");
        test.Scalar<long>("select count(*) from survey_department_map").ShouldBe(2);
    }

    [Fact]
    public void LimeSurvey_3_codes_A1_to_A5_read_as_1_to_5_while_codes_past_10_or_of_two_prefixes_are_no_scale()
    {
        var path = test.File("results-survey551100.csv", """
            "id","submitdate","lastpage","startlanguage","seed","afdeling","G1Q1","personeelsnummer","vestiging","aanbeveling"
            "1","2025-05-12 09:00:00","1","nl","11","Verkoop","A4","E1042","NL1","9"
            "2","2025-05-12 10:00:00","1","nl","12","Verkoop","A1","E2210","BE2","6"
            "3","2025-05-13 09:00:00","1","nl","13","Productie","A5","E3307","NL1","10"

            """);

        var summary = test.Import(path, Pulse);

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("Answered with answer codes, each read as its number (A1 = 1, A5 = 5): 'G1Q1'.");
        // E1042 and the like run past 10 (an ID, not a scale); NL1 and BE2 have two prefixes (a code list, not a scale):
        // both are left out as text, never stored.
        summary.Message.ShouldContain("Free-text column(s) not stored (they may name people): 'personeelsnummer', 'vestiging'.");
        test.Query<string>("select distinct question from raw_survey_answer order by 1").ShouldBe(["G1Q1", "aanbeveling"]);
        test.Query<decimal>("select answer from raw_survey_answer where question = 'G1Q1' order by response_id").ShouldBe([4m, 1m, 5m]);
    }
}
