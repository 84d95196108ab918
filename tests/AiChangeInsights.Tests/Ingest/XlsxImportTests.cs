using ClosedXML.Excel;

namespace AiChangeInsights.Tests.Ingest;

public sealed class XlsxImportTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void The_first_sheet_with_data_is_read_and_empty_rows_are_skipped_keeping_Excel_row_numbers()
    {
        var path = Path.Combine(test.Folder, "files", "usage.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var workbook = new XLWorkbook())
        {
            workbook.Worksheets.Add("Leeg");
            var sheet = workbook.Worksheets.Add("Gebruik");
            sheet.Cell(1, 1).Value = "Datum";
            sheet.Cell(1, 2).Value = "Gebruiker";
            sheet.Cell(1, 3).Value = "Duur (minuten)";
            sheet.Cell(2, 1).Value = new DateTime(2025, 1, 6);
            sheet.Cell(2, 2).Value = "an@example.nl";
            sheet.Cell(2, 3).Value = 12.5;
            // Row 3 left empty; row 4 has a bad value; rows 5-9 are formatted but empty (trailing rows).
            sheet.Cell(4, 1).Value = "gisteren";
            sheet.Cell(4, 2).Value = "an@example.nl";
            sheet.Range("A5:C9").Style.Fill.BackgroundColor = XLColor.Yellow;
            workbook.SaveAs(path);
        }

        var summary = test.Import(path, new() { Tool = "Copilot" });

        summary.Message.ShouldContain("sheet 'Gebruik'");
        (summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe((2L, 1L, 1L));
        test.Scalar<decimal>("select active_minutes from fct_usage_daily").ShouldBe(12.5m);
        test.Scalar<string>("select tool from fct_usage_daily").ShouldBe("Copilot");
        test.Query<(int Line, string Column)>("select line, column_name from import_rejected_row").ShouldBe([(4, "Datum")]);
    }

    [Fact]
    public void A_CSV_renamed_to_xlsx_is_read_as_CSV()
    {
        var summary = test.Import(test.File("roster.xlsx", "email,department\nan@example.nl,Verkoop\n"));

        summary.Status.ShouldBe("loaded");
        summary.Message.ShouldContain("CSV");
    }
}
