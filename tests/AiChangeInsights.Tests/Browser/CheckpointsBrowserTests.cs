using Microsoft.Playwright;

namespace AiChangeInsights.Tests.Browser;

[Collection("browser")]
public sealed class CheckpointsBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task Leadership_sees_four_checkpoints_per_department_and_small_multiples_of_the_dimension()
    {
        var page = await browser.SignIn("Leadership");
        await page.GotoAsync("/checkpoints");

        (await BrowserApp.ChartDrawn(page, "chart-checkpoint-bars")).ShouldBe(4);     // baseline, 1-3, 6, 12+
        (await page.EvaluateAsync<string>("document.getElementById('chart-checkpoint-bars').layout.yaxis.tickformat")).ShouldBe(".0%");
        (await page.Locator("#deltas tbody tr").CountAsync()).ShouldBe(7);
        (await BrowserApp.ChartDrawn(page, "chart-checkpoint-dimension")).ShouldBeGreaterThanOrEqualTo(4);
        (await page.Locator("#chart-checkpoint-dimension .subplot").CountAsync()).ShouldBe(4);    // the four usage KPIs
        await BrowserApp.Screenshot(page, "checkpoints-en");
    }

    [Fact]
    public async Task Choosing_a_kpi_puts_it_in_the_URL_and_formats_the_axis_in_its_unit()
    {
        var page = await browser.SignIn("Analyst");
        await page.GotoAsync("/checkpoints?department=Verkoop");
        await page.SelectOptionAsync("select#kpi", "nps");
        await page.WaitForURLAsync("**/checkpoints?*kpi=nps*");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        page.Url.ShouldContain("department=Verkoop");
        (await BrowserApp.ChartDrawn(page, "chart-checkpoint-bars")).ShouldBe(4);
        (await page.EvaluateAsync<string>("document.getElementById('chart-checkpoint-bars').layout.yaxis.tickformat")).ShouldBe("+.0f");
        (await page.Locator("#deltas tbody tr").CountAsync()).ShouldBe(2);            // Verkoop and the organisation
        (await page.Locator("nav.dimension-choice a[aria-current='true']").GetAttributeAsync("data-dimension")).ShouldBe("acceptance");
        await BrowserApp.ChartDrawn(page, "chart-checkpoint-dimension");
        await BrowserApp.Screenshot(page, "checkpoints-nps-verkoop");
    }

    [Fact]
    public async Task The_boards_survey_cells_read_fewer_than_five_responses_in_the_table_and_the_chart()
    {
        var page = await browser.SignIn("Leadership", language: "nl-NL");
        await page.GotoAsync("/checkpoints?kpi=satisfaction&department=Directie&lang=nl");

        await BrowserApp.ChartDrawn(page, "chart-checkpoint-bars");
        (await page.Locator("#deltas tr[data-department='Directie'] .suppressed").CountAsync()).ShouldBe(4);
        (await page.Locator("#deltas tr[data-department='Directie']").InnerTextAsync()).ShouldContain("minder dan 5 reacties");
        var notes = await page.EvaluateAsync<string[]>("document.getElementById('chart-checkpoint-bars').layout.annotations.map(a => a.text)");
        notes.ShouldContain(n => n.Contains("minder dan 5", StringComparison.Ordinal));
        await BrowserApp.Screenshot(page, "checkpoints-nl-directie-suppressed");
    }
}
