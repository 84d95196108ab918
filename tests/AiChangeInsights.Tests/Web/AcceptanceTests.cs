using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AiChangeInsights.Tests.Web;

/// <summary>
/// /acceptance, the works council's anonymised page: who may open it, and that nothing on it or in its downloads
/// comes from fewer than MinGroupSize respondents (the demo's Directie has fewer than 5 in every wave).
/// </summary>
public sealed class AcceptanceTests(DemoApp app) : IClassFixture<DemoApp>
{
    static readonly string[] Charts = ["acceptance-quarters", "acceptance-nps", "acceptance-worries-culture"];

    [Theory]
    [InlineData("Leadership")]
    [InlineData("Analyst")]
    [InlineData("WorksCouncil")]
    public async Task Leadership_analysts_and_the_works_council_open_the_page_with_its_three_charts(string role)
    {
        var client = await app.SignedInClient(role);
        var response = await client.GetAsync("/acceptance?lang=en");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        foreach (var chart in Charts) html.ShouldContain($"data-chart=\"{chart}\"");
        html.ShouldContain("What this page shows, and what it never shows");
        html.ShouldContain("A number is only shown when at least 5 people answered");
        html.ShouldContain("complementary suppression");
        html.ShouldNotContain("Not available for your role");
    }

    [Fact]
    public async Task The_works_council_sees_no_usage_figures_and_may_not_download_other_charts()
    {
        var council = await app.SignedInClient("WorksCouncil");
        var html = await council.GetStringAsync("/acceptance?lang=en&department=Verkoop");

        html.ShouldNotContain("Adoption rate");
        html.ShouldNotContain("data-kpi=");
        (await council.GetAsync("/export/kpi-trend.json?department=Verkoop")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await council.GetAsync("/export/kpi-matrix.json")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("")]
    [InlineData("department=Directie")]
    [InlineData("department=Verkoop")]
    [InlineData("department=Financi%C3%ABn%20%26%20HR")]
    public async Task Every_acceptance_export_of_the_works_council_hides_Directie_and_every_cell_has_at_least_five_responses(string query)
    {
        var council = await app.SignedInClient("WorksCouncil");
        foreach (var chart in Charts)
        {
            var response = await council.GetAsync($"/export/{chart}.json?{query}");
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            var json = JsonDocument.Parse(text).RootElement;
            json.GetProperty("min_group_size").GetInt32().ShouldBe(5);
            var rows = json.GetProperty("rows").EnumerateArray().ToList();
            rows.ShouldNotBeEmpty(chart);
            foreach (var row in rows)
            {
                var department = row.GetProperty("department").GetString();
                var value = row.GetProperty("value");
                var n = row.GetProperty("n");
                if (department == "Directie")
                {
                    value.ValueKind.ShouldBe(JsonValueKind.Null, $"{chart}: {row}");
                    n.ValueKind.ShouldBe(JsonValueKind.Null, $"{chart}: {row}");
                    row.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
                }
                if (value.ValueKind != JsonValueKind.Null) n.GetInt64().ShouldBeGreaterThanOrEqualTo(5, $"{chart}: {row}");
                else row.GetProperty("suppressed").GetBoolean().ShouldBeTrue($"{chart}: {row}");
            }
        }
    }

    [Fact]
    public async Task Filtered_to_Directie_every_cell_reads_fewer_than_5_responses_and_the_note_names_the_hidden_quarters()
    {
        var council = await app.SignedInClient("WorksCouncil");
        var html = WebUtility.HtmlDecode(await council.GetStringAsync("/acceptance?lang=en&department=Directie"));

        html.ShouldContain("fewer than 5 responses");
        html.ShouldContain("Not shown, to protect small groups");
        html.ShouldContain("Directie in 2024Q4, 2025Q1, 2025Q2 and 2025Q4");
        html.ShouldContain("No survey answers in 2025Q3");
        // The whole organisation stays beside it, with its real numbers.
        Regex.IsMatch(html, @"<td class=""text"">All</td>.*?<td class=""num"">\d+</td>", RegexOptions.Singleline).ShouldBeTrue();
    }

    [Fact]
    public async Task The_page_lists_the_departments_whose_results_are_hidden()
    {
        var council = await app.SignedInClient("WorksCouncil");
        var html = WebUtility.HtmlDecode(await council.GetStringAsync("/acceptance?lang=en"));

        html.ShouldContain("data-department=\"Directie\"");
        html.ShouldContain("hidden in every quarter");
        html.ShouldNotContain("data-department=\"Engineering\"");
    }

    [Fact]
    public async Task In_Dutch_the_page_uses_the_Dutch_labels_of_dim_construct_and_a_decimal_comma()
    {
        var council = await app.SignedInClient("WorksCouncil");
        var html = WebUtility.HtmlDecode(await council.GetStringAsync("/acceptance?lang=nl&department=Verkoop"));

        html.ShouldContain("Acceptatie & trends");
        html.ShouldContain("Vertrouwen in AI-resultaten");
        html.ShouldContain("Zorg: controleverlies");
        html.ShouldContain("Constructieve foutencultuur");
        html.ShouldContain("Wat deze pagina laat zien, en wat nooit");
        Regex.IsMatch(html, @"<td class=""num"">\d,\d</td>").ShouldBeTrue();
        html.ShouldNotContain("How people experience AI");
    }

    [Fact]
    public async Task The_period_filter_keeps_the_quarters_and_waves_it_touches()
    {
        var council = await app.SignedInClient("WorksCouncil");

        var quarters = JsonDocument.Parse(await council.GetStringAsync("/export/acceptance-quarters.json?from=2025-02&to=2025-06"))
            .RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("quarter").GetString()).Distinct();
        var waves = JsonDocument.Parse(await council.GetStringAsync("/export/acceptance-nps.json?from=2025-02&to=2025-06"))
            .RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("wave").GetString()).Distinct();

        quarters.ShouldBe(["2025Q1", "2025Q2"]);
        waves.ShouldBe(["2025-03-01", "2025-06-01"]);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await app.AnonymousClient().GetAsync("/acceptance");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/signin");
    }
}
