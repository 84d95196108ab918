using Microsoft.Playwright;

namespace AiChangeInsights.Tests.Browser;

[Collection("browser")]
public sealed class ReportsBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task Leadership_builds_a_quarterly_report_and_finds_it_in_the_list()
    {
        var page = await browser.SignIn("Leadership");
        await page.GotoAsync("/reports?lang=en");

        await page.SelectOptionAsync("select#quarter", "2025Q3");
        await page.ClickAsync("form.build button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        page.Url.ShouldEndWith("/reports?built=2025Q3");
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("The report for 2025Q3 has been built.");
        await Assertions.Expect(page.Locator("#report-list tr[data-quarter='2025Q3'] a")).ToHaveAttributeAsync("href", "/reports/quarterly-2025Q3.xlsx");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#report-list tr[data-quarter='2025Q3'] a"));
        download.SuggestedFilename.ShouldBe("quarterly-2025Q3.xlsx");
        await BrowserApp.Screenshot(page, "reports-en");

        var tablet = await browser.SignIn("Analyst", language: "nl-NL", width: 768, height: 1024);
        await tablet.GotoAsync("/reports?lang=nl");
        await Assertions.Expect(tablet.Locator("h1")).ToHaveTextAsync("Kwartaalrapporten");
        (await tablet.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(768);
        await BrowserApp.Screenshot(tablet, "reports-nl-tablet");
    }
}
