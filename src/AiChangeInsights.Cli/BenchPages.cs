using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace AiChangeInsights.Cli;

/// <summary>
/// <c>aci bench --server URL</c>: every dashboard page over HTTP (server time from the Server-Timing header, and the
/// whole request), then the time until every chart of the page has drawn in Chromium (Debian's /usr/bin/chromium).
/// </summary>
internal static class BenchPages
{
    public static readonly string[] Pages =
        ["/", "/adoption", "/checkpoints", "/activities", "/maturity", "/people", "/acceptance", "/reports"];

    public sealed record PageTiming(string Page, double ServerP50, double ServerP95, double TotalP95, int Charts, double DrawnMedian, double DrawnMax);

    public static async Task<IReadOnlyList<PageTiming>> Measure(string server, int runs, TextWriter output)
    {
        var results = new List<PageTiming>();
        var baseUri = new Uri(server.TrimEnd('/') + "/");
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = baseUri };
        var signIn = await client.PostAsync("signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = "Leadership" }));
        if ((int)signIn.StatusCode is not (302 or 303)) throw new UsageException($"signing in at {server} failed: {(int)signIn.StatusCode}");

        output.WriteLine($"Pages over HTTP at {server} ({runs} runs each after 2 warm-up runs; server = Server-Timing, total = request on loopback)");
        var http = new Dictionary<string, (double P50, double P95, double Total)>();
        foreach (var page in Pages)
        {
            var server95 = new List<double>();
            var total95 = new List<double>();
            for (var i = 0; i < runs + 2; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(page.TrimStart('/'));
                await response.Content.ReadAsByteArrayAsync();
                var total = clock.Elapsed.TotalMilliseconds;
                if ((int)response.StatusCode != 200) throw new UsageException($"{page} answered {(int)response.StatusCode}");
                if (i < 2) continue;
                total95.Add(total);
                var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? values.First() : "";
                var dur = timing.Split("dur=").ElementAtOrDefault(1);
                if (dur is not null) server95.Add(double.Parse(dur, CultureInfo.InvariantCulture));
            }
            http[page] = (BenchMath.Percentile(server95, 0.5), BenchMath.Percentile(server95, 0.95), BenchMath.Percentile(total95, 0.95));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {page}: server p50 {http[page].P50:F1} ms, p95 {http[page].P95:F1} ms; request p95 {http[page].Total:F1} ms"));
        }

        output.WriteLine("Charts drawn in Chromium (from navigation until every chart's svg.main-svg exists; 5 runs)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUri.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var tab = await context.NewPageAsync();
        await tab.GotoAsync("signin");
        await tab.ClickAsync("button[data-role='Leadership']");
        await tab.WaitForLoadStateAsync(LoadState.NetworkIdle);
        foreach (var page in Pages)
        {
            var times = new List<double>();
            var charts = 0;
            for (var i = 0; i < 5; i++)
            {
                var clock = Stopwatch.StartNew();
                await tab.GotoAsync(page.TrimStart('/'));
                charts = await tab.Locator(".chart-panel .plot [id^='chart-']").CountAsync();
                await tab.WaitForFunctionAsync(
                    "() => [...document.querySelectorAll('.chart-panel .plot [id^=chart-]')].every(d => d.querySelector('svg.main-svg'))",
                    null, new PageWaitForFunctionOptions { Timeout = 30_000 });
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            var result = new PageTiming(page, http[page].P50, http[page].P95, http[page].Total, charts, BenchMath.Median(times), times.Max());
            results.Add(result);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {page}: {charts} charts drawn, median {result.DrawnMedian:F0} ms, max {result.DrawnMax:F0} ms"));
        }
        return results;
    }
}
