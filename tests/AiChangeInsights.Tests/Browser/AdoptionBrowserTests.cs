using Microsoft.Playwright;

namespace AiChangeInsights.Tests.Browser;

[Collection("browser")]
public sealed class AdoptionBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task Leadership_sees_one_curve_per_cohort_over_three_labelled_bands_and_the_early_warning()
    {
        var page = await browser.SignIn("Leadership");
        await page.GotoAsync("/adoption");

        var cohorts = await page.Locator("#phases tbody tr").CountAsync();
        cohorts.ShouldBeGreaterThanOrEqualTo(3);                                   // rollout months and the organisation
        (await BrowserApp.ChartDrawn(page, "chart-adoption-cohorts")).ShouldBe(cohorts);
        (await page.EvaluateAsync<int>("document.getElementById('chart-adoption-cohorts').layout.shapes.length")).ShouldBe(3);
        var bands = await page.EvaluateAsync<string[]>("document.getElementById('chart-adoption-cohorts').layout.annotations.map(a => a.text)");
        bands.ShouldBe(["Novelty<br>months 1–3", "Valley of disillusionment<br>months 4–9", "Stabilisation<br>month 10+"]);
        (await page.Locator("#chart-adoption-cohorts .shapelayer path").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);

        (await page.Locator("#early-warning").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("#early-warning li[data-cohort='2025-01']").InnerTextAsync()).ShouldStartWith("Usage of cohort 2025-01 fell");
        await BrowserApp.ChartDrawn(page, "chart-adoption-phases");
        await BrowserApp.Screenshot(page, "adoption-en");
    }

    [Fact]
    public async Task The_cohort_switch_puts_departments_in_the_URL_and_draws_one_line_per_department()
    {
        var page = await browser.SignIn("Analyst");
        await page.GotoAsync("/adoption");
        await page.ClickAsync("nav.cohort-choice a:has-text('by department')");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        page.Url.ShouldContain("cohorts=department");
        (await BrowserApp.ChartDrawn(page, "chart-adoption-cohorts")).ShouldBe(7);   // six departments and the organisation
        await BrowserApp.Screenshot(page, "adoption-by-department");
    }

    [Fact]
    public async Task In_Dutch_the_bands_and_the_warning_are_Dutch()
    {
        var page = await browser.SignIn("Leadership", language: "nl-NL");
        await page.GotoAsync("/adoption?lang=nl&department=Productie");

        (await BrowserApp.ChartDrawn(page, "chart-adoption-cohorts")).ShouldBe(2);   // Productie and the organisation
        var bands = await page.EvaluateAsync<string[]>("document.getElementById('chart-adoption-cohorts').layout.annotations.map(a => a.text)");
        bands.ShouldContain("Dal van de ontnuchtering<br>maand 4–9");
        (await page.Locator("#early-warning").InnerTextAsync()).ShouldContain("Het gebruik in afdeling Productie daalde");
        await BrowserApp.Screenshot(page, "adoption-nl-productie");
    }
}
