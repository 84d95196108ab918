using ClosedXML.Excel;

namespace AiChangeInsights.Tests.Ingest.Vendors;

public sealed class MicrosoftFormsExportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    /// <summary>The columns of "Open results in Excel" of Microsoft Forms, in its order, with Dutch answer labels.</summary>
    string FormsWorkbook(params object[][] rows)
    {
        var path = Path.Combine(test.Folder, "files", "AI-pulsmeting(1-4).xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Sheet1");
        string[] header = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Afdeling",
            "Ik vertrouw de resultaten van AI.", "Hoe waarschijnlijk is het dat u AI aanbeveelt? (0-10)"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++) sheet.Cell(r + 2, c + 1).Value = rows[r][c];
        workbook.SaveAs(path);
        return path;
    }

    [Fact]
    public void A_forms_export_loads_its_answers_never_its_names_and_anonymous_is_nobody()
    {
        test.Import(test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n"));
        var path = FormsWorkbook(
            [1, new DateTime(2025, 3, 10, 9, 0, 0), new DateTime(2025, 3, 10, 9, 4, 0), "an@example.nl", "An Example", new DateTime(2025, 3, 10, 9, 4, 0), "Verkoop", "Eens", 9],
            [2, new DateTime(2025, 3, 11, 9, 0, 0), new DateTime(2025, 3, 11, 9, 2, 0), "anonymous", "", new DateTime(2025, 3, 11, 9, 2, 0), "Productie", "Helemaal eens", 10],
            [3, new DateTime(2025, 3, 11, 9, 0, 0), new DateTime(2025, 3, 11, 9, 2, 0), "anonymous", "", new DateTime(2025, 3, 11, 9, 2, 0), "", "Oneens", 3]);

        var summary = test.Import(path);

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("Microsoft Forms export");
        // Response 3 is anonymous and names no department either: nothing to attribute it to (line 4 rejected).
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((3L, 2L, 1L));
        test.Scalar<int>("select line from import_rejected_row where reason like '%user or a department%'").ShouldBe(4);
        // Two questions mapped, the metadata columns (Name, Start time, Last modified time) are not questions.
        test.Query<string>("select construct from survey_question order by construct").ShouldBe(["recommend", "trust"]);
        // 'Eens' = 4, 'Helemaal eens' = 5; the anonymous response belongs to nobody: one person only (from the roster).
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'trust' order by response_id").ShouldBe([4m, 5m]);
        test.Scalar<long>("select count(*) from person").ShouldBe(1);
        test.Query<string?>("select department from fct_survey_response order by response_id").ShouldBe(["Verkoop", "Productie"]);
        test.Scalar<string>("select distinct survey from fct_survey_response").ShouldBe("Ai");
    }
}
