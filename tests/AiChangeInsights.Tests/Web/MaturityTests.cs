using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AiChangeInsights.Tests.Web;

/// <summary>/maturity on the demo organisation: the distribution beside the benchmark, the ladder, each department's
/// way up (seed-data/maturity.csv: assessments in December 2024, June 2025 and December 2025), filters, roles.</summary>
public sealed class MaturityTests(DemoApp app) : IClassFixture<DemoApp>
{
    static readonly string[] Charts = ["maturity-distribution", "maturity-history", "maturity-departments"];

    async Task<string> Page(string role, string url)
    {
        var client = await app.SignedInClient(role);
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        // Decoded, whitespace collapsed, and without the page's CSS-isolation attributes (b-xxxxxxxxxx).
        return Regex.Replace(Regex.Replace(WebUtility.HtmlDecode(html), @" b-[a-z0-9]{10}(?=[ >])", ""), @"\s+", " ");
    }

    async Task<List<JsonElement>> Rows(string chart, string query = "")
    {
        var client = await app.SignedInClient("Leadership");
        var text = await client.GetStringAsync($"/export/{chart}.json{(query.Length > 0 ? "?" + query : "")}");
        return JsonDocument.Parse(text).RootElement.GetProperty("rows").EnumerateArray().ToList();
    }

    [Theory]
    [InlineData("Leadership")]
    [InlineData("Analyst")]
    public async Task Leadership_and_analysts_see_where_the_departments_stand_beside_the_benchmark(string role)
    {
        var html = await Page(role, "/maturity?lang=en");

        foreach (var chart in Charts) html.ShouldContain($"data-chart=\"{chart}\"");
        html.ShouldContain("6 departments assessed, most recently on 15 December 2025.");
        // December 2025: Productie 1; Verkoop, Financiën & HR 2; Klantenservice, Directie 3; Engineering 4.
        html.ShouldContain("Most departments are on <strong>stage 2, Operational integration</strong> (2 departments)");
        html.ShouldContain("Next to take it: Financiën & HR, Verkoop.");
        html.ShouldContain("<span class=\"names\">: Engineering</span>");
        // The ladder: every stage with its meaning and benchmark.
        foreach (var stage in new[] { "Exploration", "Operational integration", "Strategic alignment", "Transformative use", "AI-native organisation" })
            html.ShouldContain(stage);
        html.ShouldContain("Cultural focus:");
        html.ShouldContain("47%");
        // Each department's way up: Engineering climbed 2 -> 3 -> 4 and is listed first.
        Regex.IsMatch(html, "<tr data-department=\"Engineering\"[^>]*> <th scope=\"row\"[^>]*>Engineering</th> <td class=\"stage-cell stage-2\"").ShouldBeTrue();
        html.ShouldContain("Dec 2024");
        html.ShouldContain("Jun 2025");
    }

    [Fact]
    public async Task In_Dutch_the_ladder_and_the_table_are_Dutch()
    {
        var html = await Page("Leadership", "/maturity?lang=nl");

        html.ShouldContain("De volwassenheidstrap: wat elke stap betekent");
        html.ShouldContain("Operationele integratie");
        html.ShouldContain("Culturele focus:");
        html.ShouldContain("6 afdelingen gemeten, het laatst op 15 december 2025.");
        html.ShouldContain("dec 2024");
        html.ShouldNotContain("Cultural focus");
    }

    [Fact]
    public async Task The_exports_hold_the_distribution_the_rounds_and_the_departments_and_follow_the_filters()
    {
        var distribution = await Rows("maturity-distribution");
        distribution.Select(r => (r.GetProperty("stage").GetInt32(), r.GetProperty("units").GetInt64(), r.GetProperty("benchmark_share").GetDouble()))
            .ShouldBe([(1, 1L, 0.47), (2, 2L, 0.28), (3, 2L, 0.19), (4, 1L, 0.05), (5, 0L, 0.01)]);

        (await Rows("maturity-history")).Count.ShouldBe(3 * 5);
        var fromJune = await Rows("maturity-history", "from=2025-06");
        fromJune.Count.ShouldBe(2 * 5);
        // June 2025: Productie and Verkoop still on stage 1.
        fromJune[0].GetProperty("departments").GetString().ShouldBe("Productie, Verkoop");

        (await Rows("maturity-departments")).Count.ShouldBe(6 * 3);
        var sales = await Rows("maturity-departments", "department=Verkoop");
        sales.Select(r => (r.GetProperty("stage").GetInt32(), r.GetProperty("stage_change").ValueKind == JsonValueKind.Null ? (int?)null : r.GetProperty("stage_change").GetInt32()))
            .ShouldBe([(1, null), (1, 0), (2, 1)]);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_the_works_council_may_not_see_the_page_or_its_exports()
    {
        var anonymous = await app.AnonymousClient().GetAsync("/maturity");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldStartWith("http://localhost/signin");

        var council = await app.SignedInClient("WorksCouncil");
        (await council.GetAsync("/maturity")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var chart in Charts)
            (await council.GetAsync($"/export/{chart}.json")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
