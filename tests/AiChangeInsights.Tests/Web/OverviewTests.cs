using System.Net;
using System.Text.RegularExpressions;

namespace AiChangeInsights.Tests.Web;

public sealed class OverviewTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_overview_shows_adoption_per_month_for_every_demo_department()
    {
        var response = await app.CreateClient().GetAsync("/?lang=en");
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);

        foreach (var department in new[] { "Engineering", "Productie", "Verkoop", "Klantenservice", "Financiën &amp; HR", "Directie" })
            html.ShouldContain($"<th>{department}</th>");
        html.ShouldContain("Jan 2025");
        // A percentage cell with numerator/denominator in its title: real numbers from kpi_monthly.
        Regex.IsMatch(html, @"title=""\d+ / \d+"">\s*\d+%").ShouldBeTrue();
    }

    [Fact]
    public async Task In_Dutch_the_overview_uses_Dutch_labels_and_months()
    {
        var html = await app.CreateClient().GetStringAsync("/?lang=nl");

        html.ShouldContain("Adoptiegraad");
        html.ShouldContain("jan 2025");
    }
}
