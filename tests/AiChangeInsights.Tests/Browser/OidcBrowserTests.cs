using AiChangeInsights.Tests.Access;
using Microsoft.Playwright;

namespace AiChangeInsights.Tests.Browser;

/// <summary>
/// The OIDC sign-in as a person does it, in Chromium: the provider's page, the dashboard with the role in the header,
/// sign-out at both ends. Production settings throughout: confidential client, form_post, Secure cookies (Chromium
/// keeps Secure cookies on http://127.0.0.1, HttpClient does not).
/// </summary>
public sealed class OidcBrowserTests(OidcBrowserTests.Fixture oidc) : IClassFixture<OidcBrowserTests.Fixture>
{
    [Fact]
    public async Task An_analyst_signs_in_at_the_provider_sees_the_role_in_the_header_and_signs_out_at_both_ends()
    {
        var context = await oidc.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = oidc.BaseUrl, Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        new Uri(page.Url).AbsolutePath.ShouldBe("/signin");
        await page.ClickAsync("a[href^='/signin/oidc']");
        await page.WaitForURLAsync(oidc.Provider.Authority + "login**");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Test identity provider");
        await BrowserApp.Screenshot(page, "oidc-provider-sign-in");

        await page.ClickAsync($"button[data-user='{OidcProvider.Analyst.Id}']");
        await page.WaitForURLAsync(oidc.BaseUrl + "/");
        (await page.Locator("header .who").TextContentAsync()).ShouldBe("Ana Analyst (Analyst)");
        (await BrowserApp.ChartDrawn(page, "chart-kpi-trend")).ShouldBeGreaterThan(0);
        await BrowserApp.Screenshot(page, "oidc-signed-in-overview");

        var session = (await context.CookiesAsync([oidc.BaseUrl])).Single(c => c.Name == "aci-auth");
        session.Secure.ShouldBeTrue();
        session.HttpOnly.ShouldBeTrue();
        session.SameSite.ShouldBe(SameSiteAttribute.Lax);

        var endedBefore = oidc.Provider.EndedSessions;
        await page.ClickAsync("form.signout button[type=submit]");
        await page.WaitForURLAsync(oidc.BaseUrl + "/signin");
        oidc.Provider.EndedSessions.ShouldBe(endedBefore + 1);
        (await context.CookiesAsync([oidc.BaseUrl])).ShouldNotContain(c => c.Name == "aci-auth");

        // The provider's session ended too: signing in again asks for the account again.
        await page.ClickAsync("a[href^='/signin/oidc']");
        await page.WaitForURLAsync(oidc.Provider.Authority + "login**");
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_account_without_a_role_is_told_which_groups_to_ask_IT_for()
    {
        var context = await oidc.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = oidc.BaseUrl, Locale = "en-GB" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/signin");
        await page.ClickAsync("a[href^='/signin/oidc']");
        await page.ClickAsync($"button[data-user='{OidcProvider.Unmapped.Id}']");
        await page.WaitForURLAsync(oidc.BaseUrl + "/signin/no-role");

        (await page.Locator("main").TextContentAsync())!.ShouldContain("Your account has no role in AiChangeInsights");
        (await page.Locator("main li").AllTextContentsAsync()).ShouldContain(t => t.Contains("ai-works-council") && t.Contains("WorksCouncil"));
        (await page.Locator("header .who").CountAsync()).ShouldBe(0);
        await BrowserApp.Screenshot(page, "oidc-no-role");
        await context.CloseAsync();
    }

    /// <summary>The app over the demo organisation, in OIDC mode with a confidential client, and one Chromium.</summary>
    public sealed class Fixture() : OidcApp(plainHttpCookies: false, seed: true, OidcProvider.ConfidentialClientId, OidcProvider.ConfidentialClientSecret)
    {
        IPlaywright? playwright;
        public IBrowser Browser { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            playwright = await Playwright.CreateAsync();
            Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserApp.Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync"],
            });
            Directory.CreateDirectory(BrowserApp.Screenshots);
        }

        public override async Task DisposeAsync()
        {
            await Browser.DisposeAsync();
            playwright?.Dispose();
            await base.DisposeAsync();
        }
    }
}
