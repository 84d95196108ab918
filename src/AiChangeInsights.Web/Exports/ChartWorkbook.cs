using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Text;
using ClosedXML.Excel;

namespace AiChangeInsights.Web.Exports;

/// <summary>
/// A chart's data as a workbook: a header block (title, filters, source views, generation time, privacy note),
/// then the table with typed cells. Text that a spreadsheet could run as a formula (= + - @ at the start) is
/// written with Excel's quote prefix, so it always stays text.
/// </summary>
public static class ChartWorkbook
{
    static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static byte[] Write(ChartDefinition chart, ChartData data, DashboardFilters filters, CultureInfo culture, DateTime generatedUtc)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(Lang.T(culture, "Data", "Gegevens"));
        var header = new (string Label, string Value)[]
        {
            (Lang.T(culture, "Chart", "Grafiek"), chart.Title(culture)),
            (Lang.T(culture, "Filters", "Filters"), filters.Describe(culture)),
            (Lang.T(culture, "Source views", "Bronviews"), string.Join(", ", chart.SourceViews)),
            (Lang.T(culture, "Generated", "Gemaakt"), generatedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            (Lang.T(culture, "Privacy", "Privacy"), Lang.T(culture,
                $"Survey cells built from fewer than {data.MinGroupSize} respondents are empty (suppressed), as are cells that would let them be recalculated.",
                $"Enquêtecellen met minder dan {data.MinGroupSize} respondenten zijn leeg (onderdrukt), net als cellen waarmee ze terug te rekenen zouden zijn.")),
        };
        var row = 1;
        foreach (var (label, value) in header)
        {
            sheet.Cell(row, 1).Value = label;
            sheet.Cell(row, 1).Style.Font.Bold = true;
            SetText(sheet.Cell(row, 2), value);
            row++;
        }
        foreach (var (en, nl) in data.Notes)
        {
            sheet.Cell(row, 1).Value = Lang.T(culture, "Note", "Opmerking");
            sheet.Cell(row, 1).Style.Font.Bold = true;
            SetText(sheet.Cell(row, 2), Lang.T(culture, en, nl));
            row++;
        }

        row++;
        var tableStart = row;
        for (var c = 0; c < data.Columns.Count; c++)
        {
            var cell = sheet.Cell(row, c + 1);
            SetText(cell, data.Columns[c].Label(culture));
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#EEF1F5");
        }
        foreach (var values in data.Rows)
        {
            row++;
            for (var c = 0; c < data.Columns.Count; c++)
            {
                var column = data.Columns[c];
                var cell = sheet.Cell(row, c + 1);
                if (data.IsSuppressed(values, column))
                {
                    SetText(cell, Lang.T(culture, $"fewer than {data.MinGroupSize} responses", $"minder dan {data.MinGroupSize} reacties"));
                    cell.Style.Font.Italic = true;
                    continue;
                }
                Set(cell, values[c], column.Format);
            }
        }

        // Widths by hand: AdjustToContents needs libgdiplus and is slow.
        for (var c = 0; c < data.Columns.Count; c++) sheet.Column(c + 1).Width = c == 0 ? 28 : 18;
        sheet.Column(2).Width = Math.Max(sheet.Column(2).Width, 60);
        sheet.SheetView.FreezeRows(tableStart);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    static void Set(IXLCell cell, object? value, CellFormat format)
    {
        switch (value)
        {
            case null:
                return;
            case DateOnly d:
                cell.Value = d.ToDateTime(TimeOnly.MinValue);
                cell.Style.NumberFormat.Format = format == CellFormat.Month ? "mmm yyyy" : "yyyy-mm-dd";
                return;
            case DateTime t:
                cell.Value = t;
                cell.Style.NumberFormat.Format = "yyyy-mm-dd hh:mm";
                return;
            case bool b:
                cell.Value = b;
                return;
            case string s:
                SetText(cell, s);
                return;
            default:
                cell.Value = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                cell.Style.NumberFormat.Format = format switch
                {
                    CellFormat.Percent => "0.0%",
                    CellFormat.SignedPercent => "+0.0%;-0.0%;0.0%",
                    CellFormat.Integer => "#,##0",
                    CellFormat.Signed or CellFormat.Coefficient => "+0.00;-0.00;0.00",
                    _ => "0.00",
                };
                return;
        }
    }

    /// <summary>
    /// Text stays text: SetValue keeps "2025" or "Dec 2025" from turning into a number or a date (Value = would),
    /// and the quote prefix keeps a formula-like start from ever being evaluated.
    /// </summary>
    static void SetText(IXLCell cell, string text)
    {
        cell.SetValue(text);
        if (text.Length > 0 && FormulaStarts.Contains(text[0])) cell.Style.IncludeQuotePrefix = true;
    }
}
