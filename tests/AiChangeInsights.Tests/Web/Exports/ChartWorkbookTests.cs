using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Exports;
using ClosedXML.Excel;

namespace AiChangeInsights.Tests.Web.Exports;

public sealed class ChartWorkbookTests
{
    sealed class Sample : ChartDefinition
    {
        public override string Key => "sample";
        public override string TitleEn => "Sample";
        public override string TitleNl => "Voorbeeld";
        public override IReadOnlyList<string> SourceViews => ["kpi_monthly"];
        public override ChartData Query(ChartRequest request) => throw new NotSupportedException();
    }

    static IXLWorksheet Written(ChartData data, DashboardFilters? filters = null)
    {
        var bytes = ChartWorkbook.Write(new Sample(), data, filters ?? DashboardFilters.None, CultureInfo.GetCultureInfo("en-GB"), new DateTime(2026, 1, 2, 3, 4, 0));
        return new XLWorkbook(new MemoryStream(bytes)).Worksheet(1);
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_stays_text()
    {
        var data = new ChartData([new("name", "Name", "Naam")],
            [["=HYPERLINK(\"http://evil\",\"x\")"], ["+31 6 1234"], ["-2+3"], ["@SUM(A1)"], ["plain"]]);

        var sheet = Written(data);
        var cells = sheet.Column(1).CellsUsed().SkipWhile(c => c.GetString() != "Name").Skip(1).ToList();

        cells.Count.ShouldBe(5);
        cells.ShouldAllBe(c => !c.HasFormula && c.DataType == XLDataType.Text);
        cells.Take(4).ShouldAllBe(c => c.Style.IncludeQuotePrefix);
        cells[0].GetString().ShouldBe("=HYPERLINK(\"http://evil\",\"x\")");
        cells[4].Style.IncludeQuotePrefix.ShouldBeFalse();
    }

    [Fact]
    public void The_header_block_names_the_chart_filters_sources_time_and_the_privacy_rule()
    {
        var sheet = Written(new ChartData([new("v", "Value", "Waarde", CellFormat.Percent)], [[0.25]]) { MinGroupSize = 7 },
            DashboardFilters.Parse("from=2025-01&to=2025-06&department=Verkoop"));

        sheet.Cell(1, 2).GetString().ShouldBe("Sample");
        sheet.Cell(2, 2).GetString().ShouldBe("period Jan 2025 – Jun 2025; department Verkoop; tool all");
        sheet.Cell(3, 2).GetString().ShouldBe("kpi_monthly");
        sheet.Cell(4, 2).GetString().ShouldBe("2026-01-02 03:04 UTC");
        sheet.Cell(5, 2).GetString().ShouldContain("fewer than 7 respondents");
        var value = sheet.Column(1).CellsUsed().Last();
        value.GetDouble().ShouldBe(0.25);
        value.Style.NumberFormat.Format.ShouldBe("0.0%");
    }

    [Fact]
    public void A_suppressed_cell_says_so_instead_of_holding_a_number()
    {
        var data = new ChartData([new("v", "Value", "Waarde", CellFormat.Number, SuppressedBy: "s"), new("s", "Suppressed", "Onderdrukt", CellFormat.Boolean)],
            [[null, true], [3.5, false]]);

        var sheet = Written(data);
        var rows = sheet.RowsUsed().SkipWhile(r => r.Cell(1).GetString() != "Value").Skip(1).ToList();

        rows[0].Cell(1).GetString().ShouldBe("fewer than 5 responses");
        rows[1].Cell(1).GetDouble().ShouldBe(3.5);
    }
}
