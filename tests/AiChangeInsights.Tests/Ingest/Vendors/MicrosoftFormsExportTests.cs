using ClosedXML.Excel;

namespace AiChangeInsights.Tests.Ingest.Vendors;

public sealed class MicrosoftFormsExportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    static readonly string[] EnglishColumns = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"];

    /// <summary>The columns of "Open results in Excel" of Microsoft Forms, in its order, with Dutch answer labels.</summary>
    string FormsWorkbook(params object[][] rows) => FormsWorkbook(EnglishColumns, rows);

    /// <summary>The same with Forms' own columns in the form owner's language.</summary>
    string FormsWorkbook(string[] formsColumns, params object[][] rows) =>
        FormsWorkbook([.. formsColumns, "Afdeling", "Ik vertrouw de resultaten van AI.", "Hoe waarschijnlijk is het dat u AI aanbeveelt? (0-10)"], rows, 0);

    /// <summary>A workbook with these columns and rows, as Forms writes it.</summary>
    string FormsWorkbook(string[] header, object[][] rows, int _)
    {
        var path = Path.Combine(test.Folder, "files", "AI-pulsmeting(1-4).xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Sheet1");
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
        // Response 3 is anonymous and names no department either: it loads and counts in All only.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((3L, 3L, 0L));
        summary.Message.ShouldContain("1 response(s) name no person and no department: they count in All only.");
        // Two questions mapped, the metadata columns (Name, Start time, Last modified time) are not questions.
        test.Query<string>("select construct from survey_question order by construct").ShouldBe(["recommend", "trust"]);
        // 'Eens' = 4, 'Helemaal eens' = 5, 'Oneens' = 2; the anonymous responses belong to nobody: one person only (from the roster).
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'trust' order by response_id").ShouldBe([4m, 5m, 2m]);
        test.Scalar<long>("select count(*) from person").ShouldBe(1);
        test.Query<string?>("select department from fct_survey_response order by response_id").ShouldBe(["Verkoop", "Productie", "(unknown)"]);
        test.Scalar<string>("select distinct survey from fct_survey_response").ShouldBe("Ai");
    }

    [Theory]
    [InlineData("ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijd van laatste wijziging")]
    [InlineData("ID", "Startzeit", "Fertigstellungszeit", "E-Mail", "Name", "Zeitpunkt der letzten Änderung")]
    [InlineData("ID", "Heure de début", "Heure de fin", "E-mail", "Nom", "Heure de la dernière modification")]
    public void A_Dutch_German_or_French_forms_export_is_a_survey_and_leaves_the_roster_as_it_was(params string[] formsColumns)
    {
        // The roster says An works in Control and is a champion; her answer to the form's "Afdeling" question says Verkoop.
        test.Import(test.File("roster.csv", "email,department,champion\nan@example.nl,Control,ja\n"));
        var path = FormsWorkbook(formsColumns,
            [1, new DateTime(2025, 3, 10, 9, 0, 0), new DateTime(2025, 3, 10, 9, 4, 0), "an@example.nl", "An Example", new DateTime(2025, 3, 10, 9, 4, 0), "Verkoop", "Helemaal eens", 9],
            [2, new DateTime(2025, 3, 11, 9, 0, 0), new DateTime(2025, 3, 11, 9, 2, 0), "anonymous", "", new DateTime(2025, 3, 11, 9, 2, 0), "Productie", "Oneens", 3]);

        var summary = test.Import(path);

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Source.ShouldBe("survey");
        summary.Message.ShouldContain("Microsoft Forms export");
        (summary.RowsRead, summary.RowsLoaded).ShouldBe((2L, 2L));
        // Completion times, not start times: 09:04 and 09:02.
        test.Query<DateTime>("select submitted_at from raw_survey_response order by response_id")
            .ShouldBe([new DateTime(2025, 3, 10, 9, 4, 0), new DateTime(2025, 3, 11, 9, 2, 0)]);
        test.Query<decimal>("select answer from fct_survey_answer where construct = 'trust' order by response_id").ShouldBe([5m, 2m]);
        // The roster is untouched: still one roster row, Control, champion.
        test.Query<(string, bool)>("select department, champion from raw_roster").ShouldBe([("Control", true)]);
    }

    [Fact]
    public void An_anonymous_form_without_a_department_question_loads_and_counts_in_All_only()
    {
        // The works-council-friendly default: "Anyone can respond", no e-mail recorded (Forms writes "anonymous"), no
        // department question.
        var at = new DateTime(2025, 3, 10, 9, 0, 0);
        object[] Row(int id, string trust, int recommend) => [id, at, at.AddMinutes(id), "anonymous", "", at.AddMinutes(id), trust, recommend];
        var path = FormsWorkbook([.. EnglishColumns, "Ik vertrouw de resultaten van AI.", "Hoe waarschijnlijk is het dat u AI aanbeveelt? (0-10)"],
            [Row(1, "Eens", 9), Row(2, "Helemaal eens", 10), Row(3, "Neutraal", 7), Row(4, "Oneens", 6), Row(5, "Eens", 8)], 0);

        var summary = test.Import(path);

        summary.Status.ShouldBe("loaded", summary.Message);
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((5L, 5L, 0L));
        summary.Message.ShouldContain("5 response(s) name no person and no department: they count in All only.");
        test.Scalar<long>("select count(*) from person").ShouldBe(0);
        test.Query<(string Construct, string Department, long? N, double? Value)>("""
            select construct, department, n, round(value, 2) from survey_results order by construct
            """).ShouldBe([
                // promoters 9, 10; detractor 6: (2 - 1) / 5 x 100 = 20
                ("recommend", "All", 5L, 20.0),
                // Eens 4, Helemaal eens 5, Neutraal 3, Oneens 2, Eens 4: 18 / 5 = 3.6
                ("trust", "All", 5L, 3.6),
            ]);
    }
}

