using AiChangeInsights.Tests.Reliability;
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
    public void Hidden_sheets_are_passed_over_and_so_is_a_readme_sheet_before_the_export()
    {
        var path = Path.Combine(test.Folder, "files", "usage.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var workbook = new XLWorkbook())
        {
            // A hidden sheet of stale rows, in the export's own columns: Excel does not show it, so it is not read.
            var stale = workbook.Worksheets.Add("Oud");
            string[] header = ["date", "user", "duration_minutes"];
            for (var c = 0; c < header.Length; c++) stale.Cell(1, c + 1).Value = header[c];
            stale.Cell(2, 1).Value = new DateTime(2024, 1, 5);
            stale.Cell(2, 2).Value = "an@example.nl";
            stale.Cell(2, 3).Value = 99;
            stale.Visibility = XLWorksheetVisibility.Hidden;
            workbook.Worksheets.Add("Lees mij").Cell(1, 1).Value = "Export of AI usage, made by IT on 1 March 2025.";
            var data = workbook.Worksheets.Add("Gebruik");
            for (var c = 0; c < header.Length; c++) data.Cell(1, c + 1).Value = header[c];
            data.Cell(2, 1).Value = new DateTime(2025, 3, 3);
            data.Cell(2, 2).Value = "an@example.nl";
            data.Cell(2, 3).Value = 12;
            workbook.SaveAs(path);
        }

        var summary = test.Import(path, new() { Tool = "Copilot" });

        summary.Status.ShouldBe("loaded", summary.Message);
        summary.Message.ShouldContain("sheet 'Gebruik'");
        test.Query<(DateTime Day, decimal Minutes)>("select usage_date, active_minutes from fct_usage_daily").ShouldBe([(new DateTime(2025, 3, 3), 12m)]);
    }

    [Fact]
    public void A_workbook_without_an_export_on_any_sheet_names_the_other_sheets_it_tried()
    {
        var path = Path.Combine(test.Folder, "files", "notes.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var workbook = new XLWorkbook())
        {
            // A hidden sheet first and an empty one between: neither is among the sheets tried.
            workbook.Worksheets.Add("Verborgen").Cell(1, 1).Value = "Hidden notes.";
            workbook.Worksheet("Verborgen").Visibility = XLWorksheetVisibility.Hidden;
            workbook.Worksheets.Add("Lees mij").Cell(1, 1).Value = "Nothing to import here.";
            workbook.Worksheets.Add("Leeg");
            workbook.Worksheets.Add("Grafiek").Cell(1, 1).Value = "Chart data follows.";
            workbook.SaveAs(path);
        }

        var summary = test.Import(path);

        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain("line 1");
        summary.Message.ShouldContain("(on sheet 'Lees mij'; the workbook's other sheet 'Grafiek' is no export either)");
    }

    [Fact]
    public void A_failed_formula_is_rejected_with_its_line_column_and_error_not_loaded_as_an_empty_cell()
    {
        var path = Path.Combine(test.Folder, "files", "usage.xlsx");
        // As Excel saves a failed formula: the formula with its error as the cell's cached value (t="e").
        string[] header = ["date", "user", "tool", "feature", "duration_minutes", "actions"];
        string Row(int r, string? tool = null, string? minutes = null) => HandWrittenWorkbook.Row(r,
            HandWrittenWorkbook.Number($"A{r}", 45661 + r, date: true), // 2025-01-07 .. 2025-01-09
            HandWrittenWorkbook.Text($"B{r}", "an@example.nl"), tool ?? HandWrittenWorkbook.Text($"C{r}", "Copilot"),
            HandWrittenWorkbook.Text($"D{r}", "chat"), minutes ?? HandWrittenWorkbook.Number($"E{r}", 10), HandWrittenWorkbook.Number($"F{r}", 1));
        HandWrittenWorkbook.Write(path, "Gebruik",
        [
            HandWrittenWorkbook.Row(1, header.Select((h, c) => HandWrittenWorkbook.Text($"{(char)('A' + c)}1", h)).ToArray()),
            Row(2, minutes: HandWrittenWorkbook.Error("E2", "1/0", "#DIV/0!")),
            Row(3, tool: HandWrittenWorkbook.Error("C3", "VLOOKUP(\"x\",Z1:Z2,1,FALSE)", "#N/A")),
            Row(4),
        ]);

        var summary = test.Import(path);

        // Rows 2 and 3 each hold one error; row 4 loads.
        (summary.Status, summary.RowsRead, summary.RowsLoaded, summary.RowsRejected).ShouldBe(("loaded", 3L, 1L, 2L), summary.Message);
        test.Query<(int Line, string Column, string Value, string Reason)>("select line, column_name, value, reason from import_rejected_row order by line")
            .ShouldBe([
                (2, "duration_minutes", "#DIV/0!", "not a number (read with a decimal point)"),
                (3, "tool", "#N/A", "an Excel error value: the formula behind this cell failed"),
            ]);
        test.Scalar<decimal>("select sum(active_minutes) from fct_usage_daily").ShouldBe(10m);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_workbook_whose_formulas_were_never_calculated_is_refused_at_the_first_one(bool emptyValue)
    {
        var path = Path.Combine(test.Folder, "files", "usage.xlsx");
        string[] header = ["date", "user", "tool", "duration_minutes", "actions"];
        string Row(int r, string minutes, string actions) => HandWrittenWorkbook.Row(r,
            HandWrittenWorkbook.Number($"A{r}", 45661 + r, date: true), HandWrittenWorkbook.Text($"B{r}", "an@example.nl"),
            // A text formula whose result is empty is a calculated cell (t="str"): not a reason to refuse.
            HandWrittenWorkbook.TextFormula($"C{r}", "IF(1=1,\"\",\"x\")", ""), minutes, actions);
        HandWrittenWorkbook.Write(path, "Gebruik",
        [
            HandWrittenWorkbook.Row(1, header.Select((h, c) => HandWrittenWorkbook.Text($"{(char)('A' + c)}1", h)).ToArray()),
            Row(2, HandWrittenWorkbook.Number("D2", 10), HandWrittenWorkbook.Number("E2", 1)),
            Row(3, HandWrittenWorkbook.Number("D3", 12), HandWrittenWorkbook.Uncalculated("E3", "1+1", emptyValue)),
            Row(4, HandWrittenWorkbook.Uncalculated("D4", "10*3", emptyValue), HandWrittenWorkbook.Number("E4", 1)),
        ]);
        var before = test.DataCounts();

        var summary = test.Import(path, new() { Tool = "Copilot" });

        // Read as empty, row 3 would count no actions and row 4 no minutes, without a word. The first such cell is E3.
        summary.Status.ShouldBe("rejected");
        summary.Message.ShouldContain("line 3, column 5 (actions): a formula without a saved result (=1+1): a program wrote this workbook " +
                                      "and it was never calculated. Open it in Excel and save it, so that every formula keeps its value.");
        test.DataCounts().ShouldBe(before);
    }

    [Fact]
    public void A_CSV_renamed_to_xlsx_is_read_as_CSV()
    {
        var summary = test.Import(test.File("roster.xlsx", "email,department\nan@example.nl,Verkoop\n"));

        summary.Status.ShouldBe("loaded");
        summary.Message.ShouldContain("CSV");
    }
}
