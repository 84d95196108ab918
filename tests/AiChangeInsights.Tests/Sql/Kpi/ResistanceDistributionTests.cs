using System.Text;
using static AiChangeInsights.Tests.Sql.Kpi.SurveyFixture;

namespace AiChangeInsights.Tests.Sql.Kpi;

/// <summary>
/// resistance_distribution: each respondent of the latest wave belongs to the type of their highest concern when it
/// is 4 or more (ties to the seed order competence, status, control, ethics); types below MinGroupSize are hidden,
/// and so are the smallest other types until the hidden ones together reach MinGroupSize.
/// </summary>
public sealed class ResistanceDistributionTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    List<(string Type, long? Respondents, double? Share, bool Suppressed)> Distribution() =>
        test.Query<(string, long?, double?, bool)>("""
            select type, respondents, round(share, 4), suppressed from resistance_distribution
            order by case type when 'competence' then 1 when 'status' then 2 when 'control' then 3 else 4 end
            """);

    /// <summary>A survey of the four concern questions; each row "competence,status,control,ethics" (blank = not answered).</summary>
    void Concerns(string fileName, string submittedAt, params string[] answers)
    {
        var csv = new StringBuilder($"response_id,submitted_at,department,{ConcernHeaders}\n");
        for (var i = 0; i < answers.Length; i++)
            csv.Append($"{Path.GetFileNameWithoutExtension(fileName)}-{i + 1},{submittedAt},Verkoop,{answers[i]}\n");
        Import(test, fileName, csv.ToString());
    }

    static string[] Times(int count, string answer) => Enumerable.Repeat(answer, count).ToArray();

    [Fact]
    public void Without_survey_data_all_four_types_are_listed_hidden_beside_their_benchmark()
    {
        test.Query<(string Type, long? Respondents, double? Share, double Benchmark, bool Suppressed, DateTime? Wave)>("""
            select type, respondents, share, benchmark_share, suppressed, wave from resistance_distribution order by benchmark_share desc
            """).ShouldBe([
                ("competence", null, null, 0.37, true, null),
                ("status", null, null, 0.24, true, null),
                ("control", null, null, 0.22, true, null),
                ("ethics", null, null, 0.17, true, null),
            ]);
    }

    [Fact]
    public void A_respondent_belongs_to_their_highest_concern_of_4_or_more_with_ties_to_the_seed_order()
    {
        Setting(test, "min_group_size", "3");
        // An earlier wave of five ethically concerned respondents: not the latest wave, not counted.
        Concerns("pulse_2025-03.csv", "2025-03-10 09:00", Times(5, "1,1,1,5"));
        Concerns("pulse_2025-06.csv", "2025-06-10 09:00",
            "5,2,2,2",   // competence
            "4,4,1,1",   // tie competence/status at 4 -> competence
            "2,5,5,1",   // tie status/control at 5 -> status
            "1,5,3,3",   // status
            "1,4,2,4",   // tie status/ethics at 4 -> status
            "2,2,5,5",   // tie control/ethics at 5 -> control
            "1,1,4,2",   // control
            "3,3,4,3",   // control
            "1,1,1,5",   // ethics
            "2,3,3,4",   // ethics
            "3,2,1,4",   // ethics
            "3,3,3,3",   // highest 3: not resistant, not counted
            ",3,,",      // only status answered, 3: not resistant
            "5,5,5,5",   // four-way tie -> competence
            "4,3,3,3",   // competence
            "5,4,4,4",   // competence
            "4,2,1,1");  // competence

        // 17 respondents, 2 not resistant -> 15: competence 6, status 3, control 3, ethics 3.
        Distribution().ShouldBe([
            ("competence", 6, 0.4, false),   // 6 / 15
            ("status", 3, 0.2, false),       // 3 / 15
            ("control", 3, 0.2, false),
            ("ethics", 3, 0.2, false),
        ]);
        test.Query<DateTime>("select distinct wave from resistance_distribution").ShouldBe([new DateTime(2025, 6, 1)]);
    }

    [Fact]
    public void A_small_type_is_hidden_with_the_smallest_other_type_so_that_the_total_gives_neither_away()
    {
        Setting(test, "min_group_size", "3");
        Concerns("pulse_2025-06.csv", "2025-06-10 09:00", [
            .. Times(4, "5,1,1,1"),   // competence 4
            .. Times(3, "1,5,1,1"),   // status 3
            .. Times(1, "1,1,5,1"),   // control 1 < 3
            .. Times(4, "1,1,1,5"),   // ethics 4
        ]);

        var distribution = Distribution();

        // control 1 < 3 is hidden; 1 alone would follow from the total, so the smallest other type, status (3), goes
        // too: hidden 1 + 3 = 4 >= 3. Shares of the 12 resistant: 4 / 12 = 0.3333.
        distribution.ShouldBe([
            ("competence", 4, 0.3333, false),
            ("status", null, null, true),
            ("control", null, null, true),
            ("ethics", 4, 0.3333, false),
        ]);
        // The total follows from any visible share (4 / (1/3) = 12); minus the visible types: 12 - 4 - 4 = 4 >= 3.
        var total = (int)Math.Round(4 / (1.0 / 3));
        (total - distribution.Where(d => !d.Suppressed).Sum(d => d.Respondents!.Value)).ShouldBe(4);
    }

    [Fact]
    public void Two_small_types_that_together_reach_MinGroupSize_hide_no_other_type()
    {
        Concerns("pulse_2025-06.csv", "2025-06-10 09:00", [
            .. Times(6, "5,1,1,1"),   // competence 6
            .. Times(5, "1,5,1,1"),   // status 5
            .. Times(2, "1,1,5,1"),   // control 2 < 5
            .. Times(3, "1,1,1,5"),   // ethics 3 < 5
        ]);

        // Default MinGroupSize 5: control and ethics hidden, together 2 + 3 = 5 >= 5. Of 16: 6 / 16, 5 / 16.
        Distribution().ShouldBe([
            ("competence", 6, 0.375, false),
            ("status", 5, 0.3125, false),
            ("control", null, null, true),
            ("ethics", null, null, true),
        ]);
    }
}

/// <summary>resistance_distribution on the demo organisation: the generator draws the seed's 37/24/22/17 per response.</summary>
[Collection("demo")]
public sealed class ResistanceDistributionDemoTests(DemoWarehouse demo)
{
    [Fact]
    public void The_demo_shares_of_the_December_wave_lie_near_the_benchmark()
    {
        var rows = demo.Test.Query<(string Type, long? Respondents, double? Share, double Benchmark, bool Suppressed, DateTime Wave)>("""
            select type, respondents, share, benchmark_share, suppressed, wave from resistance_distribution order by benchmark_share desc
            """);

        // Observed: competence 17, status 12, control 13, ethics 10 of 52 resistant (0.33, 0.23, 0.25, 0.19).
        rows.Select(r => r.Type).ShouldBe(["competence", "status", "control", "ethics"]);
        rows.ShouldAllBe(r => !r.Suppressed && r.Wave == new DateTime(2025, 12, 1));
        foreach (var row in rows) row.Share!.Value.ShouldBe(row.Benchmark, 0.10, row.Type);
        rows.Sum(r => r.Share!.Value).ShouldBe(1.0, 1e-9);
    }
}
