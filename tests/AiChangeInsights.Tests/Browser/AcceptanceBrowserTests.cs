using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AiChangeInsights.Tests.Browser;

[Collection("browser")]
public sealed class AcceptanceBrowserTests(BrowserApp browser)
{
    const string Quarters = "chart-acceptance-quarters", Nps = "chart-acceptance-nps", Worries = "chart-acceptance-worries-culture";

    [Fact]
    public async Task The_works_council_sees_the_charts_drawn_and_Directie_hidden_when_filtered_to_it()
    {
        var page = await browser.SignIn("WorksCouncil");
        page.Url.ShouldEndWith("/acceptance");

        (await BrowserApp.ChartDrawn(page, Quarters)).ShouldBe(5);   // five constructs, whole organisation
        (await BrowserApp.ChartDrawn(page, Nps)).ShouldBe(1);        // one survey, whole organisation
        (await BrowserApp.ChartDrawn(page, Worries)).ShouldBe(2);    // first and latest quarter
        await BrowserApp.Screenshot(page, "acceptance-en");

        await page.SelectOptionAsync("form.filters select[name=department]", "Directie");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        page.Url.ShouldContain("department=Directie");
        // Directie is hidden everywhere: only the whole organisation is drawn, and the note says why.
        (await BrowserApp.ChartDrawn(page, Quarters)).ShouldBe(5);
        (await BrowserApp.ChartDrawn(page, Nps)).ShouldBe(1);
        (await BrowserApp.ChartDrawn(page, Worries)).ShouldBe(1);
        (await page.Locator($"#{Quarters}-table td", new() { HasText = "fewer than 5 responses" }).CountAsync()).ShouldBeGreaterThan(0);
        await Assertions.Expect(page.Locator("[data-chart='acceptance-quarters'] .note").First).ToContainTextAsync("Directie in 2024Q4");
        await page.Locator("[data-chart='acceptance-quarters'] summary").ClickAsync();
        await Assertions.Expect(page.Locator($"#{Quarters}-table").GetByText("fewer than 5 responses").First).ToBeVisibleAsync();
        await BrowserApp.Screenshot(page, "acceptance-directie-en");
    }

    [Fact]
    public async Task In_Dutch_a_department_beside_the_organisation_with_a_decimal_comma_in_the_data_table()
    {
        var page = await browser.SignIn("WorksCouncil", language: "nl-NL");
        await page.GotoAsync("/acceptance?lang=nl&department=Verkoop");

        (await BrowserApp.ChartDrawn(page, Quarters)).ShouldBe(10);  // five constructs for Verkoop and for the organisation
        (await BrowserApp.ChartDrawn(page, Nps)).ShouldBe(2);
        (await BrowserApp.ChartDrawn(page, Worries)).ShouldBe(3);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Acceptatie & trends");
        await page.Locator("[data-chart='acceptance-quarters'] summary").ClickAsync();
        var cells = await page.Locator($"#{Quarters}-table td.num").AllInnerTextsAsync();
        cells.ShouldContain(c => Regex.IsMatch(c, @"^\d,\d$"));
        cells.ShouldNotContain(c => Regex.IsMatch(c, @"^\d\.\d$"));
        await BrowserApp.Screenshot(page, "acceptance-nl");
    }

    [Fact]
    public async Task On_a_tablet_the_page_fits_the_screen()
    {
        var page = await browser.SignIn("WorksCouncil", width: 768, height: 1024);
        await page.GotoAsync("/acceptance?department=Verkoop");

        (await BrowserApp.ChartDrawn(page, Quarters)).ShouldBe(10);
        (await BrowserApp.ChartDrawn(page, Nps)).ShouldBe(2);
        (await BrowserApp.ChartDrawn(page, Worries)).ShouldBe(3);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(768);
        await BrowserApp.Screenshot(page, "acceptance-tablet");
    }
}
