using Microsoft.Playwright;

namespace AiChangeInsights.Tests.Browser;

/// <summary>Every role opens every page it may see, and every chart on it draws.</summary>
[Collection("browser")]
public sealed class EveryPageBrowserTests(BrowserApp browser)
{
    public static TheoryData<string, string> PagesByRole => new()
    {
        { "Leadership", "/" }, { "Leadership", "/adoption" }, { "Leadership", "/checkpoints" }, { "Leadership", "/activities" },
        { "Leadership", "/maturity" }, { "Leadership", "/people" }, { "Leadership", "/acceptance" }, { "Leadership", "/reports" },
        { "Analyst", "/" }, { "Analyst", "/adoption" }, { "Analyst", "/checkpoints" }, { "Analyst", "/activities" },
        { "Analyst", "/maturity" }, { "Analyst", "/people" }, { "Analyst", "/acceptance" }, { "Analyst", "/reports" },
        { "Analyst", "/imports" }, { "Analyst", "/imports/mapping" },
        { "WorksCouncil", "/acceptance" },
        { "Admin", "/admin" },
    };

    [Theory]
    [MemberData(nameof(PagesByRole))]
    public async Task The_page_opens_and_every_chart_on_it_draws(string role, string path)
    {
        var page = await browser.SignIn(role);
        // A script or style the security policy blocks shows up here as a console error.
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        var response = await page.GotoAsync(path);
        response!.Status.ShouldBe(200);

        var charts = await page.Locator(".chart-panel .plot [id^='chart-']").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.id)");
        foreach (var id in charts) (await BrowserApp.ChartDrawn(page, id)).ShouldBeGreaterThan(0, $"{path} {id}");
        // The menu offers exactly the pages this role may open.
        var menu = await page.Locator("nav.pages a").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)");
        menu.ShouldContain(path == "/imports/mapping" ? "/imports" : path);
        if (role == "WorksCouncil") menu.ShouldBe(["/acceptance"]);
        if (role == "Admin") menu.ShouldBe(["/admin"]);
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        consoleErrors.ShouldBeEmpty();
        if (role is "Admin" or "Analyst" && path.StartsWith("/imports", StringComparison.Ordinal) || role == "Admin")
            await BrowserApp.Screenshot(page, $"every-{role.ToLowerInvariant()}{path.Replace('/', '-')}");
    }

    [Fact]
    public async Task The_overview_is_usable_on_a_tablet()
    {
        var page = await browser.SignIn("Leadership", width: 768, height: 1024);
        await page.GotoAsync("/");
        await BrowserApp.ChartDrawn(page, "chart-kpi-trend");
        // Nothing but the tables' own scroll areas is wider than the screen.
        var widest = await page.EvaluateAsync<string>("""
            [...document.querySelectorAll('body *')].filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > 770)
                .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + '/' + e.scrollWidth + '/' + e.clientWidth).slice(0, 12).join(' | ')
            """);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(768, widest);
        await BrowserApp.Screenshot(page, "overview-tablet");
    }
}
