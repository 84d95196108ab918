using AiChangeInsights.Warehouse.Ingest;
using ClosedXML.Excel;

namespace AiChangeInsights.Tests.Ingest.Vendors;

public sealed class MoodleExportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public MoodleExportTests() => test.Import(test.File("roster.csv", VendorSamples.Roster));

    public void Dispose() => test.Dispose();

    /// <summary>A grades export as Moodle's "Excel spreadsheet": the rows from the first cell of one sheet.</summary>
    string Workbook(string fileName, string sheetName, object[][] rows)
    {
        var path = Path.Combine(test.Folder, "files", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                sheet.Cell(r + 1, c + 1).Value = rows[r][c];
        workbook.SaveAs(path);
        return path;
    }

    [Fact]
    public void The_completion_report_gives_one_training_row_per_person_for_the_course_in_its_file_name()
    {
        var summary = test.Import(VendorSamples.Path("completion-ai_basis.csv"));

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Source.ShouldBe("training");
        summary.Message.ShouldContain("Moodle course completion report");
        // 4 people; Dirk's "Course complete" 35/03/25 does not exist (line 5, column 10): 1 rejected, 3 loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected, summary.Duplicates).ShouldBe((4L, 3L, 1L, 0L));
        summary.Message.ShouldContain("line 5, column 10 (Course complete)");
        // Moodle writes "12/03/25, 14:05"; Bram has not completed. The activity called "Training" is not the course.
        test.Query<(string Course, DateTime? Completed)>("select course, completed_at from fct_training order by completed_at nulls last").ShouldBe([
            ("ai_basis", new DateTime(2025, 3, 12)),
            ("ai_basis", new DateTime(2025, 3, 20)),
            ("ai_basis", null),
        ]);
        test.Query<(decimal? Score, bool? Passed)>("select distinct score, passed from fct_training").ShouldBe([(null, null)]);
        summary.Message.ShouldContain("its rows belong to 'ai_basis'");
        test.ShouldStoreNoNamesOrEmails("An de Vries", "Bram Jansen", "Cor Bakker");
    }

    [Fact]
    public void The_course_given_with_course_wins_over_the_file_name()
    {
        var summary = test.Import(VendorSamples.Path("completion-ai_basis.csv"), new ImportRequest { Course = "AI basis" });

        summary.RowsLoaded.ShouldBe(3);
        test.Query<string>("select distinct course from fct_training").ShouldBe(["AI basis"]);
    }

    [Fact]
    public void The_grades_export_gives_the_course_total_as_score_without_completion_or_pass()
    {
        var summary = test.Import(VendorSamples.Path("ai_basis Grades.csv"));

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("Moodle grades export");
        // 4 people; Dirk's course total 1200 is above the template's 1000 (line 5, column 8): 1 rejected, 3 loaded.
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((4L, 3L, 1L));
        summary.Message.ShouldContain("line 5, column 8 (Course total (Real))");
        // "-" is no grade (Bram). The quiz column is not the score; completed_at and passed stay empty by rule.
        test.Query<(string Course, decimal? Score, DateTime? Completed, bool? Passed)>(
            "select course, score, completed_at, passed from fct_training order by score nulls last").ShouldBe([
                ("ai_basis", 70m, null, null),
                ("ai_basis", 85m, null, null),
                ("ai_basis", null, null, null),
            ]);
        summary.Message.ShouldContain("Scores only: the grades export has no completion date or pass mark");
        test.ShouldStoreNoNamesOrEmails("Vries", "Jansen", "Bakker", "1001");
    }

    [Fact]
    public void The_grades_export_as_excel_workbook_loads_the_same_way()
    {
        var path = Workbook("ai_basis Grades.xlsx", "Grades",
        [
            ["First name", "Last name", "ID number", "Institution", "Department", "Email address", "Quiz: Prompten oefenen (Real)", "Course total (Real)", "Last downloaded from this course"],
            ["An", "de Vries", "1001", "", "Verkoop", "an.devries@example.nl", 8.5, 85.0, 1742220000],
            ["Bram", "Jansen", "1002", "", "Verkoop", "bram.jansen@example.nl", "-", "-", 1742220000],
            ["Cor", "Bakker", "1003", "", "Productie", "cor.bakker@example.nl", 7.0, 70.25, 1742220000],
        ]);

        var summary = test.Import(path);

        // 3 people, all valid; the course is the file name without " Grades".
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((3L, 3L, 0L), summary.Message);
        test.Query<(string Course, decimal? Score)>("select course, score from fct_training order by score nulls last")
            .ShouldBe([("ai_basis", 70.25m), ("ai_basis", 85m), ("ai_basis", null)]);
    }

    [Fact]
    public void A_grades_export_without_the_course_total_is_refused_naming_the_missing_column()
    {
        var summary = test.Import(VendorSamples.Path("ai_basis Grades (quiz only).csv"));

        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain("this looks like a Moodle grades export, but not the Moodle grades export: the columns 'course_total_real' are missing");
    }

    [Fact]
    public void A_Dutch_grades_export_is_a_training_file_with_decimal_comma_scores_and_leaves_the_roster_as_it_was()
    {
        var roster = test.Query<(long, string, string)>("select person_id, department, role from raw_roster order by all").ToList();
        var path = test.File("AI_basis Cijfers.csv", """
            Voornaam,Achternaam,ID-nummer,Instituut,Afdeling,E-mailadres,Test: AI basis (Echt),Cursustotaal (Echt),Laatst gedownload van deze cursus
            An,de Vries,1001,Voorbeeld BV,Financiën,an.devries@example.nl,"8,50","8,50","vrijdag, 7 maart 2025, 14:05"
            Bram,Jansen,1002,Voorbeeld BV,Verkoop,bram.jansen@example.nl,-,-,"vrijdag, 7 maart 2025, 14:05"
            Cor,Bakker,1003,Voorbeeld BV,Productie,cor.bakker@example.nl,"7,25","7,25","vrijdag, 7 maart 2025, 14:05"

            """);

        var summary = test.Import(path);

        // Read as a grades export, not as a roster of three people with their Moodle "Afdeling".
        summary.Source.ShouldBe("training");
        summary.Message.ShouldContain("Moodle grades export");
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((3L, 3L, 0L), summary.Message);
        // "8,50" with a decimal comma is 8.5; "-" is no grade; the course is the file name without " Cijfers".
        test.Query<(string Course, decimal? Score)>("select course, score from fct_training order by score nulls last")
            .ShouldBe([("AI_basis", 7.25m), ("AI_basis", 8.5m), ("AI_basis", null)]);
        // The roster is as it was: the file's "Afdeling" (An in Financiën) is never read.
        test.Query<(long, string, string)>("select person_id, department, role from raw_roster order by all").ShouldBe(roster);
        test.ShouldStoreNoNamesOrEmails("Vries", "Jansen", "Bakker", "1001");
    }

    [Fact]
    public void A_German_grades_workbook_reads_its_course_total_in_points()
    {
        var path = Workbook("KI_Grundlagen Bewertungen.xlsx", "Bewertungen",
        [
            ["Vorname", "Nachname", "ID-Nummer", "Institution", "Abteilung", "E-Mail-Adresse", "Test: KI-Grundlagen (Punkte)", "Kurs gesamt (Punkte)", "Zuletzt aus diesem Kurs heruntergeladen"],
            ["An", "de Vries", "E1000", "Voorbeeld BV", "Financiën", "an.devries@example.nl", 8.5, 8.5, "Freitag, 7. März 2025, 14:05"],
            ["Cor", "Bakker", "E1002", "Voorbeeld BV", "Productie", "cor.bakker@example.nl", 6.0, 6.75, "Freitag, 7. März 2025, 14:05"],
        ]);

        var summary = test.Import(path);

        summary.Message.ShouldContain("Moodle grades export");
        (summary.RowsRead, summary.RowsLoaded).ShouldBe((2L, 2L), summary.Message);
        // The course total, not the test's points (6.75, not 6.0); the course is the file name without " Bewertungen".
        test.Query<(string Course, decimal? Score)>("select course, score from fct_training order by score")
            .ShouldBe([("KI_Grundlagen", 6.75m), ("KI_Grundlagen", 8.5m)]);
    }

    [Fact]
    public void A_Dutch_grades_export_without_the_course_total_is_refused_naming_the_missing_column_in_Dutch()
    {
        var summary = test.Import(test.File("AI_basis Cijfers.csv", """
            Voornaam,Achternaam,Afdeling,E-mailadres,Test: AI basis (Echt),Laatst gedownload van deze cursus
            An,de Vries,Financiën,an.devries@example.nl,"8,50","vrijdag, 7 maart 2025, 14:05"

            """));

        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain("this looks like a Moodle grades export, but not the Moodle grades export: the columns 'cursustotaal_echt' are missing");
        test.Scalar<long>("select count(*) from import_history where source = 'roster'").ShouldBe(1);
    }
}
