using Microsoft.Playwright;

namespace AiChangeInsights.Tests.Browser;

[Collection("browser")]
public sealed class PeopleBrowserTests(BrowserApp browser)
{
    const string Types = "chart-resistance-types";

    [Fact]
    public async Task Leadership_sees_the_four_types_beside_the_benchmark_with_their_approach()
    {
        var page = await browser.SignIn("Leadership");
        await page.GotoAsync("/people");

        (await BrowserApp.ChartDrawn(page, Types)).ShouldBe(2);   // our respondents and the benchmark
        (await page.Locator("article.type-card").CountAsync()).ShouldBe(4);
        await Assertions.Expect(page.Locator("article[data-type='competence']")).ToContainTextAsync("Low-threshold ways in");
        await Assertions.Expect(page.Locator("article[data-type='competence'] .figures")).ToContainTextAsync("36%");
        await Assertions.Expect(page.Locator(".refusers h2")).ToContainTextAsync("3–5%");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1280);
        await BrowserApp.Screenshot(page, "people-en");
    }

    [Fact]
    public async Task In_Dutch_the_cards_and_the_chart_are_Dutch()
    {
        var page = await browser.SignIn("Leadership", language: "nl-NL");
        await page.GotoAsync("/people?lang=nl");

        (await BrowserApp.ChartDrawn(page, Types)).ShouldBe(2);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Mensen & weerstand");
        (await page.Locator($"#{Types} .xtick text").AllTextContentsAsync()).ShouldContain(t => t.Contains("competentiebezorgde"));
        await Assertions.Expect(page.Locator("article[data-type='status']")).ToContainTextAsync("Aanbevolen aanpak");
        await BrowserApp.Screenshot(page, "people-nl");
    }

    [Fact]
    public async Task On_a_tablet_the_page_fits_the_screen()
    {
        var page = await browser.SignIn("Leadership", width: 768, height: 1024);
        await page.GotoAsync("/people");

        (await BrowserApp.ChartDrawn(page, Types)).ShouldBe(2);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(768);
        await BrowserApp.Screenshot(page, "people-tablet");
    }
}
