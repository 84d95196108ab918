using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AiChangeInsights.Tests.Browser;

[Collection("browser")]
public sealed class ActivitiesBrowserTests(BrowserApp browser)
{
    const string Correlation = "chart-activity-correlation", Exposure = "chart-activity-exposure",
        Participants = "chart-activity-participants", Leadership = "chart-leadership-effect";

    [Fact]
    public async Task Leadership_sees_the_four_charts_drawn_and_changes_the_scatter_and_the_lag()
    {
        var page = await browser.SignIn("Leadership");
        await page.GotoAsync("/activities");

        (await BrowserApp.ChartDrawn(page, Correlation)).ShouldBe(1);    // one bar per activity type, with whiskers
        (await BrowserApp.ChartDrawn(page, Exposure)).ShouldBe(7);       // six departments and the trend line
        (await BrowserApp.ChartDrawn(page, Participants)).ShouldBe(2);   // participants and non-participants
        (await BrowserApp.ChartDrawn(page, Leadership)).ShouldBe(2);     // our organisation and the benchmark
        await Assertions.Expect(page.Locator("#causation")).ToContainTextAsync("Correlation is not causation.");
        await Assertions.Expect(page.Locator("#causation")).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(1280);
        await BrowserApp.Screenshot(page, "activities-en");

        // The options submit themselves and stay in the URL, with the filters.
        await page.GotoAsync("/activities?department=Verkoop");
        await page.SelectOptionAsync("form.activity-options select[name=activity]", "training");
        await page.WaitForURLAsync(new Regex("activity=training"));
        page.Url.ShouldContain("department=Verkoop");
        (await BrowserApp.ChartDrawn(page, Exposure)).ShouldBe(2);       // Verkoop and the trend line
        await page.SelectOptionAsync("form.activity-options select[name=lag]", "1");
        await page.WaitForURLAsync(new Regex("lag=1"));
        page.Url.ShouldContain("activity=training");
        await Assertions.Expect(page.Locator($"#{Exposure}")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-chart='activity-exposure'] .note")).ToContainTextAsync("Training: r = +0.24 over n = 62");
    }

    [Fact]
    public async Task In_Dutch_the_charts_use_decimal_commas_and_Dutch_labels()
    {
        var page = await browser.SignIn("Leadership", language: "nl-NL");
        await page.GotoAsync("/activities?lang=nl");

        (await BrowserApp.ChartDrawn(page, Correlation)).ShouldBe(1);
        (await BrowserApp.ChartDrawn(page, Exposure)).ShouldBe(7);
        (await BrowserApp.ChartDrawn(page, Participants)).ShouldBe(2);
        (await BrowserApp.ChartDrawn(page, Leadership)).ShouldBe(2);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Activiteiten");
        var axis = await page.Locator($"#{Correlation} .xtick text").AllTextContentsAsync();
        axis.ShouldContain("0,5");
        axis.ShouldNotContain("0.5");
        var annotations = await page.Locator($"#{Correlation} .annotation-text").AllTextContentsAsync();
        annotations.ShouldContain(a => a.StartsWith("+0,39 [0,17; 0,58]"));
        annotations.ShouldContain(a => a.Contains("onzeker"));
        (await page.Locator($"#{Leadership} .xtick text").AllTextContentsAsync()).ShouldContain(t => t.Contains("Leidinggevenden gebruiken AI"));
        await BrowserApp.Screenshot(page, "activities-nl");
    }

    [Fact]
    public async Task On_a_tablet_the_page_fits_the_screen()
    {
        var page = await browser.SignIn("Leadership", width: 768, height: 1024);
        await page.GotoAsync("/activities");

        (await BrowserApp.ChartDrawn(page, Correlation)).ShouldBe(1);
        (await BrowserApp.ChartDrawn(page, Exposure)).ShouldBe(7);
        (await BrowserApp.ChartDrawn(page, Participants)).ShouldBe(2);
        (await BrowserApp.ChartDrawn(page, Leadership)).ShouldBe(2);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(768);
        await BrowserApp.Screenshot(page, "activities-tablet");
    }
}
