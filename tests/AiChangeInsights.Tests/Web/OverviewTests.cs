using System.Net;

namespace AiChangeInsights.Tests.Web;

public sealed class OverviewTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_overview_shows_every_kpi_of_the_matrix_with_real_numbers()
    {
        var client = await app.SignedInClient("Leadership");
        var response = await client.GetAsync("/?lang=en");
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);

        foreach (var kpi in new[] { "adoption_rate", "training_participation", "nps", "hours_saved_per_fte", "departments_active" })
            html.ShouldContain($"data-kpi=\"{kpi}\"");
        html.ShouldContain("Adoption rate");
        html.ShouldContain("What moved most");
    }

    [Fact]
    public async Task In_Dutch_the_overview_uses_Dutch_labels_and_a_decimal_comma()
    {
        var client = await app.SignedInClient("Analyst");
        var html = await client.GetStringAsync("/?lang=nl");

        html.ShouldContain("Adoptiegraad");
        html.ShouldContain("Wat het meest veranderde");
        System.Text.RegularExpressions.Regex.IsMatch(html, @">\s*\d+,\d\s*<").ShouldBeTrue();
    }

    [Fact]
    public async Task The_department_filter_changes_the_numbers()
    {
        var client = await app.SignedInClient("Leadership");
        var all = await client.GetStringAsync("/export/kpi-matrix.json");
        var sales = await client.GetStringAsync("/export/kpi-matrix.json?department=Verkoop");

        all.ShouldContain("\"department\":\"All\"");
        sales.ShouldContain("\"department\":\"Verkoop\"");
        sales.ShouldNotBe(all);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_the_works_council_may_not_see_the_overview()
    {
        var anonymous = await app.AnonymousClient().GetAsync("/");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldStartWith("http://localhost/signin");

        var council = await app.SignedInClient("WorksCouncil");
        (await council.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
