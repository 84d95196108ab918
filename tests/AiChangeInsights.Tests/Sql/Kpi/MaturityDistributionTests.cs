using static AiChangeInsights.Tests.Sql.Kpi.SurveyFixture;

namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>maturity_distribution: departments per stage at their latest assessment, beside the Fraunhofer benchmark.</summary>
public sealed class MaturityDistributionTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    List<(int Stage, long Units, double? Share, double Benchmark, DateTime? Latest)> Distribution() =>
        test.Query<(int, long, double?, double, DateTime?)>("""
            select stage, units, share, benchmark_share, latest_assessed_at from maturity_distribution order by stage
            """);

    [Fact]
    public void Without_assessments_all_five_stages_are_listed_with_zero_units_and_the_benchmark()
    {
        Distribution().ShouldBe([
            (1, 0, null, 0.47, null),
            (2, 0, null, 0.28, null),
            (3, 0, null, 0.19, null),
            (4, 0, null, 0.05, null),
            (5, 0, null, 0.01, null),
        ]);
    }

    [Fact]
    public void Each_department_counts_once_on_the_stage_of_its_latest_assessment()
    {
        Import(test, "maturity.csv", """
            assessed_at,department,stage,item_1,item_2,item_3
            2025-01-15,Verkoop,1,,,
            2025-06-15,Verkoop,3,,,
            2025-01-15,Productie,2,,,
            2025-06-15,Productie,,3,4,4
            2025-06-15,Directie,,2,3,
            2025-03-15,Klantenservice,,1,2,2
            2025-06-15,Engineering,1,5,5,5
            """);

        // Latest: Verkoop 3 (June, not January's 1); Productie items (3 + 4 + 4) / 3 = 3.67 -> 4 (not January's 2);
        // Directie (2 + 3) / 2 = 2.5 -> 3 (half rounds up); Klantenservice (1 + 2 + 2) / 3 = 1.67 -> 2;
        // Engineering 1 as assessed (a stage wins over items). 5 departments.
        Distribution().ShouldBe([
            (1, 1, 0.2, 0.47, new DateTime(2025, 6, 15)),    // Engineering: 1 / 5
            (2, 1, 0.2, 0.28, new DateTime(2025, 3, 15)),    // Klantenservice
            (3, 2, 0.4, 0.19, new DateTime(2025, 6, 15)),    // Verkoop, Directie: 2 / 5
            (4, 1, 0.2, 0.05, new DateTime(2025, 6, 15)),    // Productie
            (5, 0, 0.0, 0.01, null),                         // nobody, still listed
        ]);
        test.Scalar<double>("select sum(benchmark_share) from maturity_distribution").ShouldBe(1.0, 1e-9);
    }
}

/// <summary>maturity_distribution on the demo organisation.</summary>
[Collection("demo")]
public sealed class MaturityDistributionDemoTests(DemoWarehouse demo)
{
    [Fact]
    public void The_six_demo_departments_stand_on_stages_1_to_4_in_December_2025()
    {
        // seed-data/maturity.csv, 15-12-2025: Productie 1; Verkoop, Financiën & HR 2; Klantenservice, Directie 3; Engineering 4.
        demo.Test.Query<(int Stage, long Units)>("select stage, units from maturity_distribution order by stage")
            .ShouldBe([(1, 1), (2, 2), (3, 2), (4, 1), (5, 0)]);
        demo.Test.Query<DateTime>("select distinct latest_assessed_at from maturity_distribution where units > 0")
            .ShouldBe([new DateTime(2025, 12, 15)]);
    }
}
