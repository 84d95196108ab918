using System.Net;
using System.Net.Sockets;
using AiChangeInsights.Tests.Web;
using Microsoft.Playwright;

namespace AiChangeInsights.Tests.Browser;

/// <summary>
/// The real app on a real port, over the demo organisation, driven by Debian's Chromium through Playwright
/// (browser downloads are impossible here; `make test` installs the chromium package when it is missing).
/// Screenshots go to artifacts/screenshots/ for people to look at.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public DemoApp App { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public static string Screenshots { get; } = Path.Combine(Repository.Root, "artifacts", "screenshots");

    IPlaywright? playwright;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        App.UseKestrel(port);
        App.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // As root and on a closed network: no sandbox, no background connections that would be refused.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A fresh browser context signed in as <paramref name="role"/> through the demo sign-in form.</summary>
    public async Task<IPage> SignIn(string role, string language = "en-GB", int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = language, ViewportSize = new ViewportSize { Width = width, Height = height },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = language },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.ClickAsync($"button[data-role='{role}']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    /// <summary>Waits until the Plotly chart with <paramref name="id"/> has drawn its SVG; returns its trace count.</summary>
    public static async Task<int> ChartDrawn(IPage page, string id, float timeoutMs = 10_000)
    {
        await page.WaitForSelectorAsync($"#{id} svg.main-svg", new PageWaitForSelectorOptions { Timeout = timeoutMs });
        return await page.EvaluateAsync<int>($"document.getElementById('{id}').data.length");
    }

    /// <summary>Undoes an import through the app, as the detail page's form does (tests that change the shared demo).</summary>
    public static async Task Undo(IPage page, long importId)
    {
        await page.GotoAsync($"/imports/{importId}");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var response = await page.APIRequest.PostAsync($"/imports/{importId}/undo", new()
        {
            Headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token!, ["Accept"] = "application/json" },
        });
        response.Status.ShouldBe(200);
    }

    public static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>All browser tests share one app and one Chromium, and run one after another.</summary>
[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>;
