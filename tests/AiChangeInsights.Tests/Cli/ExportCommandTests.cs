using AiChangeInsights.Cli;
using ClosedXML.Excel;

namespace AiChangeInsights.Tests.Cli;

/// <summary><c>aci export --report quarterly</c> on a warehouse seeded with the demo organisation through <c>aci seed</c>.</summary>
public sealed class ExportCommandTests(ExportCommandTests.SeededDatabase seeded) : IClassFixture<ExportCommandTests.SeededDatabase>
{
    public sealed class SeededDatabase : IDisposable
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "aci-export-" + Guid.NewGuid().ToString("N"));
        public string Database => Path.Combine(Folder, "warehouse.duckdb");

        public SeededDatabase()
        {
            Environment.SetEnvironmentVariable("ACI_SITE_SECRET", TestWarehouse.Secret);
            var (exit, output, errors) = Run("seed", "--db", Database, "--seed-data", Repository.SeedData);
            exit.ShouldBe(Aci.Ok, output + errors);
        }

        public void Dispose()
        {
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        }
    }

    static (int Exit, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = Aci.Run(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Export_writes_the_quarterly_workbook_into_the_reports_folder_beside_the_warehouse()
    {
        var (exit, output, errors) = Run("export", "--report", "quarterly", "--quarter", "2025Q4", "--db", seeded.Database);

        exit.ShouldBe(Aci.Ok, errors);
        var path = Path.Combine(seeded.Folder, "reports", "quarterly-2025Q4.xlsx");
        output.ShouldStartWith($"Quarterly report 2025Q4 written to {path}");
        using var workbook = new XLWorkbook(path);
        workbook.Worksheets.Select(s => s.Name).ShouldBe(
            ["Summary", "Usage", "Competence", "Acceptance", "Business impact", "Innovation", "Checkpoints", "Notes"]);
        workbook.Worksheet("Summary").Cell(1, 1).GetString().ShouldBe("AI adoption: quarterly report 2025Q4");
    }

    [Fact]
    public void Export_with_out_and_lang_writes_the_Dutch_workbook_where_it_is_told()
    {
        var target = Path.Combine(seeded.Folder, "elsewhere", "rapport.xlsx");

        var (exit, _, errors) = Run("export", "--report", "quarterly", "--quarter", "2025q1", "--db", seeded.Database, "--out", target, "--lang", "nl");

        exit.ShouldBe(Aci.Ok, errors);
        using var workbook = new XLWorkbook(target);
        workbook.Worksheet(1).Name.ShouldBe("Samenvatting");
        workbook.Worksheet(1).Cell(1, 1).GetString().ShouldBe("AI-adoptie: kwartaalrapport 2025Q1");
    }

    [Theory]
    [InlineData(new[] { "export", "--quarter", "2025Q4" }, "export needs --report quarterly")]
    [InlineData(new[] { "export", "--report", "monthly", "--quarter", "2025Q4" }, "unknown report 'monthly'")]
    [InlineData(new[] { "export", "--report", "quarterly" }, "needs --quarter")]
    [InlineData(new[] { "export", "--report", "quarterly", "--quarter", "2025Q5" }, "'2025Q5' is not a quarter like 2025Q4")]
    [InlineData(new[] { "export", "--report", "quarterly", "--quarter", "2025Q4", "--lang", "de" }, "--lang 'de'")]
    public void Usage_errors_say_what_is_wrong(string[] args, string message)
    {
        var (exit, _, errors) = Run([.. args, "--db", seeded.Database]);

        exit.ShouldBe(Aci.BadUsage);
        errors.ShouldContain(message);
    }

    [Fact]
    public void A_quarter_without_data_is_refused_with_the_quarters_that_have_data()
    {
        var (exit, _, errors) = Run("export", "--report", "quarterly", "--quarter", "2023Q1", "--db", seeded.Database);

        exit.ShouldBe(Aci.BadUsage);
        errors.ShouldContain("2023Q1 has no data (quarters with data: 2024Q4, 2025Q1, 2025Q2, 2025Q3, 2025Q4)");
    }

    [Fact]
    public void Help_lists_the_export_command()
    {
        Run("help").Output.ShouldContain("aci export --report quarterly --quarter 2025Q4 [--db PATH] [--out FILE]");
    }
}
