using System.Globalization;
using AiChangeInsights.Warehouse.Reports;
using ClosedXML.Excel;

namespace AiChangeInsights.Tests.Reports;

/// <summary>The quarterly workbook read back with ClosedXML: its sheets, its numbers against the views, privacy and text safety.</summary>
public sealed class QuarterlyReportTests(DemoWarehouse demo) : IClassFixture<DemoWarehouse>
{
    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB"), Dutch = CultureInfo.GetCultureInfo("nl-NL");
    static readonly DateTime Generated = new(2026, 1, 2, 3, 0, 0, DateTimeKind.Utc);

    XLWorkbook Build(string quarter, CultureInfo? culture = null) =>
        Open(QuarterlyReport.Build(demo.Test.Warehouse, ReportQuarter.Parse(quarter), culture ?? English, Generated));

    static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    /// <summary>The first row at or below <paramref name="from"/> whose first cells read <paramref name="texts"/>.</summary>
    static IXLRow Row(IXLWorksheet sheet, int from = 1, params string[] texts) =>
        sheet.RowsUsed().First(r => r.RowNumber() >= from && texts.Select((t, i) => r.Cell(i + 1).GetString() == t).All(x => x));

    static int Column(IXLRow header, string label) =>
        header.CellsUsed().First(c => c.GetString() == label).Address.ColumnNumber;

    [Fact]
    public void The_workbook_has_a_summary_one_sheet_per_dimension_checkpoints_and_notes()
    {
        using var workbook = Build("2025Q4");

        workbook.Worksheets.Select(s => s.Name).ShouldBe(
            ["Summary", "Usage", "Competence", "Acceptance", "Business impact", "Innovation", "Checkpoints", "Notes"]);
        workbook.Worksheet("Summary").Cell(1, 1).GetString().ShouldBe("AI adoption: quarterly report 2025Q4");
        workbook.Worksheet("Summary").Column(2).Width.ShouldBe(34);
    }

    [Fact]
    public void The_summary_shows_the_organisations_kpi_matrix_as_kpi_matrix_has_it_with_traffic_lights_in_words()
    {
        var (latest, status) = demo.Test.Query<(double, string)>(
            "select value, status from kpi_matrix where kpi = 'adoption_rate' and department = 'All' and checkpoint = 'latest'").Single();
        var early = demo.Test.Scalar<double>("select value from kpi_matrix where kpi = 'adoption_rate' and department = 'All' and checkpoint = 'early'");
        status.ShouldBe("amber");

        using var workbook = Build("2025Q4");
        var sheet = workbook.Worksheet("Summary");
        var header = Row(sheet, 1, "Dimension", "KPI");
        var adoption = Row(sheet, header.RowNumber(), "Usage", "Adoption rate");

        adoption.Cell(Column(header, "Latest")).GetDouble().ShouldBe(latest, 1e-12);
        adoption.Cell(Column(header, "Latest")).Style.NumberFormat.Format.ShouldBe("0%");
        adoption.Cell(Column(header, "1–3 months")).GetDouble().ShouldBe(early, 1e-12);
        adoption.Cell(Column(header, "Status latest")).GetString().ShouldBe("near target");
        adoption.Cell(Column(header, "Target")).GetDouble().ShouldBe(0.6);
        // The quarter itself: December 2025 is the last month of 2025Q4 with data.
        adoption.Cell(Column(header, "Month")).GetString().ShouldBe("Dec 2025");
        adoption.Cell(Column(header, "Month")).DataType.ShouldBe(XLDataType.Text);
    }

    [Fact]
    public void The_summary_names_the_three_biggest_movements_and_the_data_freshness()
    {
        var movements = demo.Test.Query<string>("select label_en from kpi_movements where department = 'All' and rank <= 3 order by rank");

        using var workbook = Build("2025Q4");
        var sheet = workbook.Worksheet("Summary");
        var heading = Row(sheet, 1, "What moved most (whole organisation)").RowNumber();

        for (var i = 0; i < 3; i++) sheet.Cell(heading + 1 + i, 2).GetString().ShouldStartWith(movements[i]);
        Row(sheet, 1, "Data up to").Cell(2).GetDateTime().ShouldBe(new DateTime(2025, 12, 31));
        Row(sheet, 1, "Generated").Cell(2).GetDateTime().ShouldBe(Generated);
        Row(sheet, 1, "Minimum group size (survey)").Cell(2).GetDouble().ShouldBe(5);
    }

    [Fact]
    public void A_suppressed_Directie_survey_cell_reads_fewer_than_5_responses_never_0()
    {
        using var workbook = Build("2025Q4");
        var sheet = workbook.Worksheet("Acceptance");
        var matrix = Row(sheet, 1, "KPI matrix per department (checkpoints from go-live)").RowNumber();
        var header = sheet.Row(matrix + 1);
        var directie = Row(sheet, matrix, "Satisfaction with AI tools", "Directie");

        foreach (var checkpoint in new[] { "Baseline", "1–3 months", "6 months", "12+ months", "Latest" })
        {
            var cell = directie.Cell(Column(header, checkpoint));
            cell.DataType.ShouldBe(XLDataType.Text, checkpoint);
            cell.GetString().ShouldBe("fewer than 5 responses", checkpoint);
        }
        directie.Cell(Column(header, "Status latest")).GetString().ShouldBe("");
        // Month by month: December's survey had fewer than 5 Directie respondents; October and November had no survey.
        var december = Row(sheet, 1, "Satisfaction with AI tools", "Directie");
        december.Cell(5).GetString().ShouldBe("fewer than 5 responses");
        december.Cell(3).GetString().ShouldBe("–");
        // The organisation's own cell beside it is a number.
        Row(sheet, matrix, "Satisfaction with AI tools", "Whole organisation").Cell(Column(header, "Latest")).DataType.ShouldBe(XLDataType.Number);
    }

    [Fact]
    public void The_checkpoint_sheet_is_checkpoint_comparison_with_hidden_cells_marked()
    {
        var (baseline, early, delta) = demo.Test.Query<(double, double, double)>(
            "select baseline, early, delta_early from checkpoint_comparison where kpi = 'training_participation' and department = 'Verkoop'").Single();

        using var workbook = Build("2025Q4");
        var sheet = workbook.Worksheet("Checkpoints");
        var header = Row(sheet, 1, "Dimension", "KPI", "Department");
        var verkoop = Row(sheet, header.RowNumber(), "Competence", "Training participation", "Verkoop");

        verkoop.Cell(Column(header, "Baseline")).GetDouble().ShouldBe(baseline, 1e-12);
        verkoop.Cell(Column(header, "1–3 months")).GetDouble().ShouldBe(early, 1e-12);
        verkoop.Cell(Column(header, "Change 1–3 months")).GetDouble().ShouldBe(delta, 1e-12);
        Row(sheet, header.RowNumber(), "Acceptance", "Trust in AI results", "Directie").Cell(Column(header, "Change 12+ months"))
            .GetString().ShouldBe("fewer than 5 responses");
    }

    [Fact]
    public void The_notes_give_the_privacy_rule_sources_generation_time_and_every_kpi_definition()
    {
        using var workbook = Build("2025Q4");
        var sheet = workbook.Worksheet("Notes");

        Row(sheet, 1, "Privacy").Cell(2).GetString().ShouldContain("fewer than 5 respondents are never shown");
        Row(sheet, 1, "Minimum group size").Cell(2).GetString().ShouldBe("5");
        Row(sheet, 1, "Source views").Cell(2).GetString().ShouldContain("kpi_matrix, kpi_monthly, kpi_movements, checkpoint_comparison");
        Row(sheet, 1, "Generated").Cell(2).GetString().ShouldBe("2026-01-02 03:00 UTC");
        var definitions = Row(sheet, 1, "Dimension", "KPI", "Code").RowNumber();
        sheet.RowsUsed().Count(r => r.RowNumber() > definitions).ShouldBe(20);
        Row(sheet, definitions, "Usage", "Adoption rate", "adoption_rate").Cell(9).GetString().ShouldStartWith("target-group people active");
    }

    [Fact]
    public void In_Dutch_sheets_labels_and_traffic_lights_are_Dutch()
    {
        using var workbook = Build("2025Q4", Dutch);

        workbook.Worksheets.Select(s => s.Name).ShouldBe(
            ["Samenvatting", "Gebruik", "Competentie", "Acceptatie", "Bedrijfsimpact", "Innovatie", "Meetmomenten", "Toelichting"]);
        var sheet = workbook.Worksheet("Samenvatting");
        var header = Row(sheet, 1, "Dimensie", "KPI");
        Row(sheet, header.RowNumber(), "Gebruik", "Adoptiegraad").Cell(Column(header, "Status laatste")).GetString().ShouldBe("bijna op koers");
        workbook.Worksheet("Acceptatie").Search("minder dan 5 reacties").ShouldNotBeEmpty();
    }

    [Fact]
    public void Text_that_looks_like_a_formula_is_written_as_text()
    {
        using var small = new TestWarehouse();
        string[] departments = ["=HYPERLINK(\"http://example.com\",\"x\")", "+Sales", "-Ops", "@Team"];
        small.Import(small.File("roster.csv", "email,department,rollout_date\n" +
            string.Concat(departments.Select((d, i) => $"p{i}@example.nl,\"{d.Replace("\"", "\"\"")}\",2025-01-06\n")))).Status.ShouldBe("loaded");
        small.Import(small.File("usage_copilot.csv", "date,user,tool\n" +
            string.Concat(departments.Select((_, i) => $"2025-01-0{i + 6},p{i}@example.nl,Copilot\n")))).Status.ShouldBe("loaded");

        using var workbook = Open(QuarterlyReport.Build(small.Warehouse, ReportQuarter.Parse("2025Q1"), English, Generated));
        var sheet = workbook.Worksheet("Usage");
        foreach (var department in departments)
        {
            var cell = sheet.Search(department, System.Globalization.CompareOptions.Ordinal).First();
            cell.HasFormula.ShouldBeFalse(department);
            cell.DataType.ShouldBe(XLDataType.Text, department);
            cell.GetString().ShouldBe(department);
            cell.Style.IncludeQuotePrefix.ShouldBeTrue(department);
        }
    }
}
