using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Tests.Ingest.Vendors;

public sealed class QualtricsLegacyCsvExportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void A_legacy_export_is_read_by_its_second_row_names_from_line_3()
    {
        var summary = test.Import(VendorSamples.Path("qualtrics-ai-pulse-legacy.csv"), new ImportRequest { Survey = "AI-pulse" });

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("Qualtrics legacy CSV export");
        // Lines 3-6 are 4 responses (line 1 V1..V10, line 2 the names and question texts): line 5 has no EndDate and
        // line 6 is a preview (V7 Status 1) -> 2 rejected, 2 loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((4L, 2L, 2L, 0L));
        test.Query<(int Line, string Column, string Reason)>("select line, column_name, reason from import_rejected_row order by line").ShouldBe([
            (5, "EndDate", "submitted_at is required but empty"),
            (6, "Status", "a survey preview, test or spam response (Status), not a respondent's: not loaded"),
        ]);
    }

    [Fact]
    public void Answers_land_per_question_text_with_the_department_and_EndDate_wave()
    {
        test.Import(VendorSamples.Path("qualtrics-ai-pulse-legacy.csv"), new ImportRequest { Survey = "AI-pulse" });

        test.Query<(string Response, DateTime Wave, string Department)>(
            "select response_id, wave, department from fct_survey_response order by response_id").ShouldBe([
                ("R_10jKlMnOpQrStUvW", new DateTime(2024, 11, 1), "Productie"),
                ("R_9iJkLmNoPqRsTuV", new DateTime(2024, 11, 1), "Verkoop"),
            ]);
        test.Query<(string Construct, string Question)>("select construct, question from survey_question order by construct").ShouldBe([
            ("recommend", "Hoe waarschijnlijk is het dat u AI aan een collega aanbeveelt?"),
            ("trust", "Hoe eens bent u het met de volgende stellingen?-Ik vertrouw de antwoorden van AI."),
            ("usefulness", "Hoe eens bent u het met de volgende stellingen?-AI helpt mij mijn werk sneller te doen."),
        ]);
        // R_10 (anonymous): trust 2, useful 3, recommend 5; R_9 (an e-mail invitation): 4, 4, 8.
        test.Query<(string Construct, decimal Answer)>("select construct, answer from fct_survey_answer order by response_id, construct").ShouldBe([
            ("recommend", 5m), ("trust", 2m), ("usefulness", 3m),
            ("recommend", 8m), ("trust", 4m), ("usefulness", 4m),
        ]);
        test.Scalar<long>("select count(*) from person").ShouldBe(1);
        // V1..V10 and the names row are not responses; Name ("de Vries, An") and EmailAddress are never stored.
        test.Scalar<long>("select count(*) from raw_survey_response where response_id in ('V1', 'ResponseID')").ShouldBe(0);
        test.ShouldStoreNoNamesOrEmails("Vries");
    }
}
