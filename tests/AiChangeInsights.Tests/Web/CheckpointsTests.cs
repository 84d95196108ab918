using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiChangeInsights.Web.Pages.Checkpoints;

namespace AiChangeInsights.Tests.Web;

/// <summary>/checkpoints over the demo organisation: one KPI per department, its deltas judged by direction, suppression, filters.</summary>
public sealed partial class CheckpointsTests(DemoApp app) : IClassFixture<DemoApp>
{
    static async Task<List<JsonElement>> Rows(HttpClient client, string export)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(export));
        return json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.Clone()).ToList();
    }

    /// <summary>The deltas table's cell of one department and checkpoint: its class and its text.</summary>
    static (string Class, string Text) Cell(string html, string department, string checkpoint)
    {
        var row = Regex.Match(html, $"<tr[^>]*data-department=\"{Regex.Escape(department.Replace("&", "&amp;", StringComparison.Ordinal))}\".*?</tr>", RegexOptions.Singleline);
        row.Success.ShouldBeTrue($"no row for {department}");
        var cell = Regex.Match(row.Value, $"<td[^>]*class=\"cell (?<class>[^\"]+)\" data-checkpoint=\"{checkpoint}\">(?<text>.*?)</td>", RegexOptions.Singleline);
        cell.Success.ShouldBeTrue($"no cell {checkpoint} for {department}");
        return (cell.Groups["class"].Value, Tags().Replace(cell.Groups["text"].Value, " "));
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [Fact]
    public async Task The_kpi_select_offers_all_twenty_kpis_grouped_by_dimension_with_adoption_rate_chosen()
    {
        var client = await app.SignedInClient("Leadership");
        var html = await client.GetStringAsync("/checkpoints?lang=en");

        var select = Regex.Match(html, "<select[^>]*id=\"kpi\".*?</select>", RegexOptions.Singleline).Value;
        Regex.Matches(select, "<option ").Count.ShouldBe(20);
        Regex.Matches(select, "<optgroup[ >]").Count.ShouldBe(5);
        select.ShouldContain("<option value=\"adoption_rate\" selected=\"selected\">Adoption rate</option>");
        html.ShouldContain("data-chart=\"checkpoint-bars\"");
        html.ShouldContain("data-chart=\"checkpoint-dimension\"");
    }

    [Theory]
    [InlineData("error_rate_change")]        // lower is better: a fall is an improvement
    [InlineData("cost_change")]
    [InlineData("adoption_rate")]            // higher is better
    [InlineData("nps")]
    public async Task Each_change_against_the_baseline_is_judged_by_the_kpis_direction_in_words(string kpi)
    {
        var client = await app.SignedInClient("Leadership");
        var rows = await Rows(client, $"/export/checkpoint-bars.json?kpi={kpi}");
        var html = await client.GetStringAsync($"/checkpoints?kpi={kpi}&lang=en");

        var judged = 0;
        foreach (var row in rows)
        {
            var lowerIsBetter = row.GetProperty("direction").GetString() == "lower_better";
            foreach (var checkpoint in new[] { "early", "mid", "long" })
            {
                var (css, text) = Cell(html, row.GetProperty("department").GetString()!, checkpoint);
                if (row.GetProperty("delta_" + checkpoint) is not { ValueKind: JsonValueKind.Number } delta) continue;
                var unit = row.GetProperty("unit").GetString()!;
                var d = delta.GetDouble();
                if (AiChangeInsights.Web.Dashboard.KpiFormat.IsNoChange(d, unit))
                {
                    css.ShouldBe("judged-nochange");
                    text.ShouldContain("no change");
                    continue;
                }
                var better = d > 0 != lowerIsBetter;
                css.ShouldBe(better ? "judged-better" : "judged-worse", $"{kpi} {checkpoint}");
                text.ShouldContain(better ? "better" : "worse");        // never colour alone: a word
                text.ShouldContain(d > 0 ? "▲" : "▼");                 // and the direction of the movement
                judged++;
            }
        }
        judged.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Better_and_worse_follow_the_direction_and_a_rounded_zero_is_no_change()
    {
        CheckpointComparison.Row Row(string unit, string direction) =>
            new("x", "k", "K", "K", unit, direction, "All", 0, null, null, null, null, null, null, null, false, false, false, false, false, null, 1);

        IndexModel.Judge(-0.16, Row("relative_change", "lower_better")).ShouldBe(IndexModel.Judgement.Better);
        IndexModel.Judge(0.05, Row("relative_change", "lower_better")).ShouldBe(IndexModel.Judgement.Worse);
        IndexModel.Judge(0.42, Row("share", "higher_better")).ShouldBe(IndexModel.Judgement.Better);
        IndexModel.Judge(-15, Row("nps_points", "higher_better")).ShouldBe(IndexModel.Judgement.Worse);
        IndexModel.Judge(0.004, Row("share", "higher_better")).ShouldBe(IndexModel.Judgement.NoChange);   // +0 pp
        IndexModel.Judge(0.04, Row("score_1_5", "higher_better")).ShouldBe(IndexModel.Judgement.NoChange); // +0.0
        IndexModel.Judge(null, Row("share", "higher_better")).ShouldBe(IndexModel.Judgement.None);
    }

    [Fact]
    public async Task Suppressed_survey_cells_read_fewer_than_five_responses_on_the_page_and_are_empty_in_the_export()
    {
        var client = await app.SignedInClient("Leadership");
        var html = await client.GetStringAsync("/checkpoints?kpi=satisfaction&department=Directie&lang=en");

        foreach (var checkpoint in new[] { "baseline", "early", "mid", "long" })
            Cell(html, "Directie", checkpoint).Text.ShouldContain("fewer than 5 responses");
        Cell(html, "All", "early").Text.ShouldNotContain("fewer than");

        var directie = (await Rows(client, "/export/checkpoint-bars.json?kpi=satisfaction&department=Directie"))
            .Single(r => r.GetProperty("department").GetString() == "Directie");
        directie.GetProperty("baseline_suppressed").GetBoolean().ShouldBeTrue();
        directie.GetProperty("early").ValueKind.ShouldBe(JsonValueKind.Null);
        directie.GetProperty("delta_long").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_department_filter_narrows_both_charts_to_that_department_and_the_organisation()
    {
        var client = await app.SignedInClient("Analyst");

        var every = await Rows(client, "/export/checkpoint-bars.json?kpi=adoption_rate");
        every.Count.ShouldBe(7);                                   // six departments and All
        every[0].GetProperty("department").GetString().ShouldBe("All");

        var sales = await Rows(client, "/export/checkpoint-bars.json?kpi=adoption_rate&department=Verkoop");
        sales.Select(r => r.GetProperty("department").GetString()).ShouldBe(["All", "Verkoop"]);

        var dimension = await Rows(client, "/export/checkpoint-dimension.json?dimension=acceptance&department=Verkoop");
        dimension.Select(r => r.GetProperty("kpi").GetString()).Distinct().ShouldBe(["satisfaction", "trust", "usefulness", "nps"]);
        dimension.Select(r => r.GetProperty("department").GetString()).Distinct().Order().ShouldBe(["All", "Verkoop"]);

        // Without a department the small multiples are the organisation's, and the dimension follows the chosen KPI.
        var organisation = await Rows(client, "/export/checkpoint-dimension.json?kpi=hours_saved_per_fte");
        organisation.ShouldAllBe(r => r.GetProperty("department").GetString() == "All");
        organisation.ShouldAllBe(r => r.GetProperty("dimension").GetString() == "business_impact");
    }

    [Fact]
    public async Task An_unknown_kpi_falls_back_to_the_adoption_rate()
    {
        var client = await app.SignedInClient("Leadership");
        var response = await client.GetAsync("/checkpoints?kpi=drop%20table");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-kpi=\"adoption_rate\"");
        (await Rows(client, "/export/checkpoint-bars.json?kpi=nonsense")).ShouldAllBe(r => r.GetProperty("kpi").GetString() == "adoption_rate");
    }

    [Fact]
    public async Task In_Dutch_the_page_uses_Dutch_words_and_a_decimal_comma()
    {
        var client = await app.SignedInClient("Leadership");
        var html = await client.GetStringAsync("/checkpoints?kpi=satisfaction&lang=nl");

        html.ShouldContain(">Meetmomenten</h1>");
        html.ShouldContain("Tevredenheid met AI-systemen: verandering ten opzichte van de nulmeting");
        Cell(html, "All", "baseline").Text.ShouldMatch(@"^\s*\d,\d\s*$");
        Cell(html, "All", "early").Text.ShouldMatch(@"(beter|slechter|geen verandering)");
    }

    [Fact]
    public async Task The_works_council_may_open_neither_the_page_nor_its_downloads()
    {
        var council = await app.SignedInClient("WorksCouncil");
        (await council.GetAsync("/checkpoints")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await council.GetAsync("/export/checkpoint-bars.json")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await council.GetAsync("/export/checkpoint-dimension.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
