using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AiChangeInsights.Tests.Web;

/// <summary>/activities on the demo organisation: the numbers of activity_adoption_correlation and leadership_effect in
/// words and charts, the causation note with its n, the lag and activity options, the filters of the scatter, roles.</summary>
public sealed class ActivitiesTests(DemoApp app) : IClassFixture<DemoApp>
{
    static readonly string[] Charts = ["activity-correlation", "activity-exposure", "activity-participants", "leadership-effect"];

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
        var client = await app.SignedInClient("Analyst");
        var text = await client.GetStringAsync($"/export/{chart}.json{(query.Length > 0 ? "?" + query : "")}");
        return JsonDocument.Parse(text).RootElement.GetProperty("rows").EnumerateArray().ToList();
    }

    [Theory]
    [InlineData("Leadership")]
    [InlineData("Analyst")]
    public async Task Leadership_and_analysts_see_the_four_charts_and_the_demo_numbers_in_words(string role)
    {
        var html = await Page(role, "/activities?lang=en");

        foreach (var chart in Charts) html.ShouldContain($"data-chart=\"{chart}\"");
        // The causation note, visible above the charts, with the n of the demo: 4 departments x 12 months + 2 x 10.
        html.ShouldContain("Correlation is not causation.");
        html.ShouldContain("n = 68 department-months");
        // Workshops go with adoption most (r = 0.393, interval 0.17 to 0.58), champion meet-ups least (r = -0.662).
        html.ShouldContain("Strongest positive association:");
        html.ShouldContain("<strong>Workshop</strong>, r = +0.39 (95%: 0.17 to 0.58; n = 68)");
        html.ShouldContain("<strong>Champion meet-up</strong>, r = −0.66");
        // Workshop participants: 63.1 % of their person-months active against 33.2 %.
        html.ShouldContain("<strong>Workshop</strong>, 63% against 33% (+30 percentage points)");
        // Employees adopt 64 % where managers use AI, 34 % where they do not; the seed says 62 % and 34 %.
        html.ShouldContain("<strong>64%</strong> against <strong>34%</strong> elsewhere");
        html.ShouldContain("In this organisation: 34% → 64% (+30 percentage points), over 6 departments and 116 employees.");
        html.ShouldNotContain("Not available for your role");
    }

    [Fact]
    public async Task In_Dutch_the_page_uses_Dutch_labels_and_decimal_commas()
    {
        var html = await Page("Leadership", "/activities?lang=nl");

        html.ShouldContain("Correlatie is geen causaliteit.");
        html.ShouldContain("n = 68 afdelingsmaanden");
        html.ShouldContain("<strong>Workshop</strong>, r = +0,39 (95%: 0,17 tot 0,58; n = 68)");
        html.ShouldContain("<strong>64%</strong> tegen <strong>34%</strong> elders");
        html.ShouldContain("Adoptie van deelnemers en niet-deelnemers");
        html.ShouldContain("Leiderschapseffect");
        html.ShouldContain("in dezelfde maand (vertraging 0)");
        html.ShouldNotContain("Strongest positive association");
    }

    [Fact]
    public async Task The_lag_option_changes_the_correlations_and_their_n()
    {
        var now = await Rows("activity-correlation");
        var next = await Rows("activity-correlation", "lag=1");

        now.Count.ShouldBe(11);
        next.Count.ShouldBe(11);
        now.ShouldAllBe(r => r.GetProperty("n_units").GetInt64() == 68 && r.GetProperty("lag_months").GetInt32() == 0);
        next.ShouldAllBe(r => r.GetProperty("n_units").GetInt64() == 62 && r.GetProperty("lag_months").GetInt32() == 1);
        // Sorted by r: workshop first at lag 0 (0.393), co-creation at lag 1 (0.412); a type without r (held only
        // before go-live) last.
        now[0].GetProperty("activity_type").GetString().ShouldBe("workshop");
        now[0].GetProperty("r").GetDouble().ShouldBe(0.393, 0.001);
        next[0].GetProperty("activity_type").GetString().ShouldBe("co_creation");
        now[^1].GetProperty("r").ValueKind.ShouldBe(JsonValueKind.Null);

        var participants = await Rows("activity-participants", "lag=1");
        participants.Count.ShouldBe(11);
        participants[0].GetProperty("activity_type").GetString().ShouldBe("workshop");
        participants[0].GetProperty("uplift").GetDouble().ShouldBe(0.287, 0.001);
    }

    [Fact]
    public async Task The_scatter_has_a_point_per_department_month_and_follows_the_activity_and_the_department_filter()
    {
        var all = await Rows("activity-exposure");
        all.Count.ShouldBe(68);
        all.ShouldAllBe(r => r.GetProperty("activity_type").GetString() == "workshop"); // the strongest r by default

        var sales = await Rows("activity-exposure", "activity=workshop&department=Verkoop");
        sales.Count.ShouldBe(12);
        sales.ShouldAllBe(r => r.GetProperty("department").GetString() == "Verkoop" && r.GetProperty("activity_type").GetString() == "workshop");

        // Lag 1 drops the last month (no next month to measure); the period filter keeps its months only.
        (await Rows("activity-exposure", "activity=workshop&department=Verkoop&lag=1")).Count.ShouldBe(11);
        var spring = await Rows("activity-exposure", "activity=workshop&from=2025-03&to=2025-05");
        spring.Count.ShouldBe(6 * 3);
        spring.ShouldAllBe(r => string.CompareOrdinal(r.GetProperty("month").GetString(), "2025-03-01") >= 0);
    }

    [Fact]
    public async Task The_leadership_effect_export_has_both_groups_beside_the_benchmark()
    {
        var rows = await Rows("leadership-effect");

        rows.Select(r => (r.GetProperty("managers_active").GetBoolean(), r.GetProperty("departments").GetInt64(), r.GetProperty("benchmark_adoption_rate").GetDouble()))
            .ShouldBe([(false, 3L, 0.34), (true, 3L, 0.62)]);
        rows[0].GetProperty("adoption_rate").GetDouble().ShouldBe(260.0 / 760, 1e-9);  // active of employees' person-months
        rows[1].GetProperty("adoption_rate").GetDouble().ShouldBe(360.0 / 562, 1e-9);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_the_works_council_may_not_see_the_page_or_its_exports()
    {
        var anonymous = await app.AnonymousClient().GetAsync("/activities");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldStartWith("http://localhost/signin");

        var council = await app.SignedInClient("WorksCouncil");
        (await council.GetAsync("/activities")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var chart in Charts)
            (await council.GetAsync($"/export/{chart}.json")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
