using Microsoft.Playwright;

namespace AiChangeInsights.Tests.Browser;

[Collection("browser")]
public sealed class MaturityBrowserTests(BrowserApp browser)
{
    const string Distribution = "chart-maturity-distribution", History = "chart-maturity-history";

    [Fact]
    public async Task Leadership_sees_the_distribution_beside_the_benchmark_the_ladder_and_the_rounds()
    {
        var page = await browser.SignIn("Leadership");
        await page.GotoAsync("/maturity");

        (await BrowserApp.ChartDrawn(page, Distribution)).ShouldBe(2);   // our departments and the benchmark
        (await BrowserApp.ChartDrawn(page, History)).ShouldBe(5);        // one stacked trace per stage
        (await page.Locator("ol.ladder li[data-stage]").CountAsync()).ShouldBe(5);
        (await page.Locator("#maturity-departments-table tbody tr").CountAsync()).ShouldBe(6);
        (await page.Locator("#maturity-departments-table thead th").AllInnerTextsAsync()).ShouldBe(["Department", "Dec 2024", "Jun 2025", "Dec 2025"]);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1280);
        await BrowserApp.Screenshot(page, "maturity-en");

        // The period filter keeps the rounds in it.
        await page.GotoAsync("/maturity?from=2025-06");
        (await BrowserApp.ChartDrawn(page, History)).ShouldBe(5);
        (await page.Locator("#maturity-departments-table thead th").AllInnerTextsAsync()).ShouldBe(["Department", "Jun 2025", "Dec 2025"]);
    }

    [Fact]
    public async Task In_Dutch_the_stages_and_months_are_Dutch()
    {
        var page = await browser.SignIn("Leadership", language: "nl-NL");
        await page.GotoAsync("/maturity?lang=nl");

        (await BrowserApp.ChartDrawn(page, Distribution)).ShouldBe(2);
        (await BrowserApp.ChartDrawn(page, History)).ShouldBe(5);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Volwassenheid");
        (await page.Locator($"#{Distribution} .xtick text").AllTextContentsAsync()).ShouldContain(t => t.Contains("Stap 2") && t.Contains("Operationele"));
        (await page.Locator($"#{History} .xtick text").AllTextContentsAsync()).ShouldBe(["dec 2024", "jun 2025", "dec 2025"]);
        await Assertions.Expect(page.Locator("li[data-stage='1']")).ToContainTextAsync("Culturele focus");
        await BrowserApp.Screenshot(page, "maturity-nl");
    }

    [Fact]
    public async Task On_a_tablet_the_page_fits_the_screen()
    {
        var page = await browser.SignIn("Leadership", width: 768, height: 1024);
        await page.GotoAsync("/maturity");

        (await BrowserApp.ChartDrawn(page, Distribution)).ShouldBe(2);
        (await BrowserApp.ChartDrawn(page, History)).ShouldBe(5);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(768);
        await BrowserApp.Screenshot(page, "maturity-tablet");
    }
}
