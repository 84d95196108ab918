using System.IO.Compression;
using System.Xml.Linq;
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
    public void A_failed_formula_is_rejected_with_its_line_column_and_error_not_loaded_as_an_empty_cell()
    {
        var path = Path.Combine(test.Folder, "files", "usage.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.Worksheets.Add("Gebruik");
            string[] header = ["date", "user", "tool", "feature", "duration_minutes", "actions"];
            for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
            for (var r = 2; r <= 4; r++)
            {
                sheet.Cell(r, 1).Value = new DateTime(2025, 1, 5 + r);
                sheet.Cell(r, 2).Value = "an@example.nl";
                sheet.Cell(r, 3).Value = "Copilot";
                sheet.Cell(r, 4).Value = "chat";
                sheet.Cell(r, 5).Value = 10;
                sheet.Cell(r, 6).Value = 1;
            }
            sheet.Cell(2, 5).FormulaA1 = "1/0";
            sheet.Cell(3, 3).FormulaA1 = "VLOOKUP(\"x\",Z1:Z2,1,FALSE)";
            workbook.SaveAs(path);
        }
        // As Excel saves them: each formula with its failed result (t="e") as the cell's value.
        SaveFailedFormulas(path, new() { ["E2"] = "#DIV/0!", ["C3"] = "#N/A" });

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

    static void SaveFailedFormulas(string path, Dictionary<string, string> errors)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        XDocument sheet;
        using (var read = entry.Open()) sheet = XDocument.Load(read);
        var main = sheet.Root!.Name.Namespace;
        foreach (var cell in sheet.Descendants(main + "c"))
        {
            if (!errors.TryGetValue((string)cell.Attribute("r")!, out var error)) continue;
            cell.SetAttributeValue("t", "e");
            cell.Elements(main + "v").Remove();
            cell.Add(new XElement(main + "v", error));
        }
        entry.Delete();
        using var write = zip.CreateEntry("xl/worksheets/sheet1.xml").Open();
        sheet.Save(write);
    }

    [Fact]
    public void A_CSV_renamed_to_xlsx_is_read_as_CSV()
    {
        var summary = test.Import(test.File("roster.xlsx", "email,department\nan@example.nl,Verkoop\n"));

        summary.Status.ShouldBe("loaded");
        summary.Message.ShouldContain("CSV");
    }
}
