namespace AiChangeInsights.Tests.Browser;

[Collection("browser")]
public sealed class OverviewBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task Leadership_sees_the_kpi_matrix_with_traffic_lights_and_a_drawn_trend()
    {
        var page = await browser.SignIn("Leadership");
        await page.GotoAsync("/");

        (await page.Locator("#kpi-matrix tbody tr[data-kpi]").CountAsync()).ShouldBe(20);
        (await page.Locator("#kpi-matrix td.status-green, #kpi-matrix td.status-amber, #kpi-matrix td.status-red").CountAsync()).ShouldBeGreaterThan(20);
        (await page.Locator(".movements li").CountAsync()).ShouldBe(3);
        (await BrowserApp.ChartDrawn(page, "chart-kpi-trend")).ShouldBe(2); // the KPI and its target
        await BrowserApp.Screenshot(page, "overview-en");
    }
}
