using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Pages.People;
using Plotly.Blazor.Traces;
using static AiChangeInsights.Tests.Sql.Kpi.SurveyFixture;

namespace AiChangeInsights.Tests.Web;

/// <summary>/people on the demo organisation: the four resistance types of the latest wave (December 2025: 56
/// resistant respondents) beside the seed's 37/24/22/17 %, each with its approach; roles.</summary>
public sealed class PeopleTests(DemoApp app) : IClassFixture<DemoApp>
{
    async Task<string> Page(string role, string url)
    {
        var client = await app.SignedInClient(role);
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        // Decoded, whitespace collapsed, and without the page's CSS-isolation attributes (b-xxxxxxxxxx).
        return Regex.Replace(Regex.Replace(WebUtility.HtmlDecode(html), @" b-[a-z0-9]{10}(?=[ >])", ""), @"\s+", " ");
    }

    [Theory]
    [InlineData("Leadership")]
    [InlineData("Analyst")]
    public async Task Leadership_and_analysts_see_the_four_types_with_their_share_and_approach(string role)
    {
        var html = await Page(role, "/people?lang=en");

        html.ShouldContain("data-chart=\"resistance-types\"");
        // competence 20, status 12, control 12, ethics 12 of 56.
        html.ShouldContain("<strong>36%</strong> <span class=\"muted\">(20)</span>");
        html.ShouldContain("<strong>21%</strong> <span class=\"muted\">(12)</span>");
        html.ShouldContain("Survey wave: December 2025. 56 respondents with at least one strong worry.");
        foreach (var approach in new[] { "Low-threshold ways in", "present AI as an assistant", "Transparent AI systems", "Ethical frameworks" })
            html.ShouldContain(approach);
        html.ShouldContain("“I cannot learn or understand this.”");
        html.ShouldContain("Permanent refusers: 3–5% with good support");
        html.ShouldContain("belongs to the type of the worry they score highest");
        html.ShouldContain("Largest group: Competence-worried (36%).");
        html.ShouldNotContain("fewer than 5 responses");
    }

    [Fact]
    public async Task In_Dutch_the_cards_read_the_Dutch_names_and_approaches()
    {
        var html = await Page("Leadership", "/people?lang=nl");

        html.ShouldContain("De competentiebezorgde");
        html.ShouldContain("Laagdrempelige instapopties, stapsgewijze competentieontwikkeling.");
        html.ShouldContain("Enquêteronde: december 2025.");
        html.ShouldContain("Permanente weigeraars: 3–5% bij goede ondersteuning");
        html.ShouldContain("Aanbevolen aanpak");
        html.ShouldNotContain("Recommended approach");
    }

    [Fact]
    public async Task The_export_has_the_four_types_and_no_filter_changes_them()
    {
        var client = await app.SignedInClient("Leadership");
        List<JsonElement> Rows(string text) => JsonDocument.Parse(text).RootElement.GetProperty("rows").EnumerateArray().ToList();
        var all = Rows(await client.GetStringAsync("/export/resistance-types.json"));
        var sales = Rows(await client.GetStringAsync("/export/resistance-types.json?department=Verkoop&from=2025-01&to=2025-06"));

        all.Select(r => (r.GetProperty("type").GetString(), r.GetProperty("respondents").GetInt64(), r.GetProperty("benchmark_share").GetDouble()))
            .ShouldBe([("competence", 20L, 0.37), ("status", 12L, 0.24), ("control", 12L, 0.22), ("ethics", 12L, 0.17)]);
        // Counted over the whole organisation in the latest wave: a split would soon fall below MinGroupSize.
        sales.Select(r => r.GetProperty("respondents").GetInt64()).ShouldBe(all.Select(r => r.GetProperty("respondents").GetInt64()));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_the_works_council_may_not_see_the_page_or_its_export()
    {
        var anonymous = await app.AnonymousClient().GetAsync("/people");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldStartWith("http://localhost/signin");

        var council = await app.SignedInClient("WorksCouncil");
        (await council.GetAsync("/people")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await council.GetAsync("/export/resistance-types.json")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>The resistance chart on a tiny survey where two types are hidden: no bar, no 0, "fewer than 5 responses".</summary>
public sealed class ResistanceTypesChartTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void A_hidden_type_has_no_bar_and_reads_fewer_than_N_responses_never_0()
    {
        // 6 competence, 5 status, 5 control, 2 ethics (MinGroupSize 5): ethics is hidden, and so is the smallest other
        // type (control, before status by name at 5) so that ethics cannot be worked out from the total.
        var csv = new System.Text.StringBuilder($"response_id,submitted_at,department,{ConcernHeaders}\n");
        var answers = Enumerable.Repeat("5,1,1,1", 6).Concat(Enumerable.Repeat("1,5,1,1", 5)).Concat(Enumerable.Repeat("1,1,5,1", 5)).Concat(Enumerable.Repeat("1,1,1,5", 2)).ToList();
        for (var i = 0; i < answers.Count; i++) csv.Append($"r{i + 1},2025-06-10 09:00,Verkoop,{answers[i]}\n");
        Import(test, "pulse_2025-06.csv", csv.ToString());

        var chart = new ResistanceTypesChart();
        var data = chart.Query(new ChartRequest(test.Warehouse, DashboardFilters.None, new Dictionary<string, string>()));
        var english = CultureInfo.GetCultureInfo("en-GB");

        data.Rows.Select(r => ((string)r[0]!, r[7])).ShouldBe([("competence", (object?)false), ("status", false), ("control", true), ("ethics", true)]);
        var respondents = data.Index("respondents");
        data.Format(data.Rows[3], respondents, english).ShouldBe("fewer than 5 responses");
        data.Format(data.Rows[3], data.Index("share"), CultureInfo.GetCultureInfo("nl-NL")).ShouldBe("minder dan 5 reacties");
        data.Format(data.Rows[0], respondents, english).ShouldBe("6");
        data.Notes.ShouldContain(n => n.En.Contains("Loss of control, Ethically concerned"));

        var ours = (Bar)chart.Draw(data, english)!.Data[0];
        ours.Y.ShouldBe([6.0 / 18, 5.0 / 18, null, null]); // of all 18 resistant respondents
        ours.TextArray.ShouldBe(["33% (6)", "28% (5)", "fewer than 5", "fewer than 5"]);
    }
}
