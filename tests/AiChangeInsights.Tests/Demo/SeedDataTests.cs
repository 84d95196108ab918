using System.Data;
using AiChangeInsights.Warehouse.Demo;
using ExcelDataReader;

namespace AiChangeInsights.Tests.Demo;

[Collection("demo")]
public sealed class SeedDataTests(DemoWarehouse demo)
{
    [Fact]
    public void Every_seed_file_imports_completely_through_the_real_importers()
    {
        demo.Summaries.Count.ShouldBeGreaterThanOrEqualTo(11);
        foreach (var summary in demo.Summaries)
        {
            summary.Status.ShouldBe("loaded", summary.Message);
            summary.RowsRejected.ShouldBe(0, summary.Message);
            summary.RowsLoaded.ShouldBe(summary.RowsRead - summary.Duplicates, summary.Message);
        }
        demo.Summaries.Select(s => s.Source).Distinct().Order().ShouldBe(
            ["activities", "business_metrics", "ideas", "maturity", "roster", "support_tickets", "survey", "training", "usage"]);
    }

    [Fact]
    public void The_demo_organisation_has_140_people_in_6_departments_and_15_months()
    {
        var test = demo.Test;
        test.Scalar<long>("select count(*) from dim_person where in_roster").ShouldBe(140);
        test.Scalar<long>("select count(*) from dim_department").ShouldBe(6);
        // Directie is small enough that its survey cells fall under the minimum group size in every wave.
        test.Scalar<long>("select people from dim_department where department = 'Directie'").ShouldBe(5);
        test.Scalar<long>("""
            select max(n) from (select wave, count(*) as n from fct_survey_response where department = 'Directie' group by wave)
            """).ShouldBeLessThan(5);
        test.Scalar<DateTime>("select go_live_month from dim_organisation").ShouldBe(new DateTime(2025, 1, 1));
        test.Scalar<long>("select count(distinct wave) from fct_survey_response").ShouldBe(4);
    }

    [Fact]
    public void The_generator_writes_exactly_the_committed_files_again()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aci-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = DemoOrganisation.Write(folder, DemoScale.Demo);
            written.Select(Path.GetFileName).Order().ShouldBe(Directory.EnumerateFiles(Repository.SeedData).Select(Path.GetFileName).Order());
            foreach (var file in written)
            {
                var committed = Path.Combine(Repository.SeedData, Path.GetFileName(file));
                if (file.EndsWith(".xlsx", StringComparison.Ordinal))
                    Cells(file).ShouldBe(Cells(committed), Path.GetFileName(file));
                else
                    File.ReadAllBytes(file).SequenceEqual(File.ReadAllBytes(committed)).ShouldBeTrue(Path.GetFileName(file));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static List<string> Cells(string path)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var cells = new List<string>();
        while (reader.Read())
            for (var i = 0; i < reader.FieldCount; i++) cells.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return cells;
    }
}
