using Microsoft.Playwright;

namespace AiChangeInsights.Tests.Browser;

/// <summary>
/// A missing export in Chromium: the analyst imports ChatGPT's February 2026 log, January's never came. The Overview
/// names the gap beside "data up to", the trend breaks its line under a grey band there, and /imports lists it. The
/// browser tests share one demo warehouse: the import is undone at the end, also on failure.
/// </summary>
[Collection("browser")]
public sealed class CoverageBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task A_month_without_its_export_is_a_marked_gap_in_the_trend_and_named_on_the_overview_and_imports()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"aci-coverage-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "chatgpt-february-2026.csv");
        File.WriteAllLines(file,
        [
            "Datum;Gebruiker;Tool;Onderdeel;Duur (minuten);Acties",
            "02-02-2026;sander.vandongen@vandijk-machinebouw.nl;ChatGPT;analyse;18,8;6",
            "16-02-2026;elif.brouwer@vandijk-machinebouw.nl;ChatGPT;chat;17,4;8",
            "27-02-2026;sander.vandongen@vandijk-machinebouw.nl;ChatGPT;chat;11,0;3",
        ]);
        var page = await browser.SignIn("Analyst");
        long? importId = null;
        try
        {
            await page.GotoAsync("/imports?lang=en");
            await page.SetInputFilesAsync("#files", file);
            var card = page.Locator("#uploads li.upload").First;
            await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
            importId = long.Parse((await card.Locator(".detail-link").GetAttributeAsync("href"))!.Split('/')[^1]);

            await page.GotoAsync("/imports?lang=en");
            await Assertions.Expect(page.Locator("#gaps li[data-month='2026-01'][data-tool='ChatGPT']"))
                .ToHaveTextAsync("No ChatGPT export for January 2026.");

            await page.GotoAsync("/?lang=en");
            await Assertions.Expect(page.Locator("#coverage-note")).ToContainTextAsync("No ChatGPT export for January 2026.");
            await BrowserApp.ChartDrawn(page, "chart-kpi-trend");
            // The band and its word over January 2026, and the line broken there (a point without a value).
            var band = await page.EvaluateAsync<string[]>("""
                () => { const c = document.getElementById('chart-kpi-trend');
                        return c.layout.annotations.map(a => a.x + ' ' + a.text); }
                """);
            band.ShouldBe(["2026-01-01 no data"]);
            (await page.EvaluateAsync<bool>("""
                () => { const t = document.getElementById('chart-kpi-trend').data[0];
                        const i = t.x.indexOf('2026-01-01'); return i > 0 && t.y[i] === null; }
                """)).ShouldBeTrue();
            (await page.EvaluateAsync<int>("() => document.querySelectorAll('#chart-kpi-trend .shapelayer path').length")).ShouldBe(1);
            await page.Locator("#trend").ScrollIntoViewIfNeededAsync();
            await BrowserApp.Screenshot(page, "overview-coverage-gap");
        }
        finally
        {
            if (importId is { } id) await BrowserApp.Undo(page, id);
            Directory.Delete(folder, true);
        }
        await page.GotoAsync("/?lang=en");
        await Assertions.Expect(page.Locator("#coverage-note")).ToHaveCountAsync(0);
    }
}
