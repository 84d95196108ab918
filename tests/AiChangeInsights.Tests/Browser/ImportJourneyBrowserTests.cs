using System.Text.Json;
using Microsoft.Playwright;

namespace AiChangeInsights.Tests.Browser;

/// <summary>
/// The analyst's journey in Chromium: upload a usage export, watch it upload and import, read the result and the
/// history without a reload, open the rejected rows, undo, and find the dashboard's numbers exactly as before. The
/// browser tests share one demo warehouse: this test leaves it as it found it (it undoes its import, also on failure).
/// </summary>
[Collection("browser")]
public sealed class ImportJourneyBrowserTests(BrowserApp browser)
{
    const string Department = "Financiën & HR";

    // August 2025 in Financiën & HR: 4 of the 18 people of the target group were active. The file is a re-export of
    // what is already loaded for March to December (duplicates, skipped) with four more people of the department in
    // August and one row whose date does not exist.
    static readonly string[] NewRows =
    [
        "2025-08-12,charlotte.vandijk@vandijk-machinebouw.nl,Copilot,draft,14.5,6",
        "2025-08-13,jasper.peters@vandijk-machinebouw.nl,Copilot,excel_analysis,22.0,9",
        "2025-08-14,mohamed.blom@vandijk-machinebouw.nl,Copilot,meeting_recap,9.5,4",
        "2025-08-35,stijn.vandervelden@vandijk-machinebouw.nl,Copilot,draft,12.0,5",
        "2025-08-19,sophie.nguyen@vandijk-machinebouw.nl,Copilot,draft,17.0,7",
    ];

    static string UsageExport()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.SeedData, "usage_copilot.csv"));
        var loaded = lines.Skip(1).Where(l => string.CompareOrdinal(l, "2025-03") >= 0).ToList();
        var content = new[] { lines[0] }.Concat(loaded.Take(20)).Concat(NewRows).Concat(loaded.Skip(20));
        var path = Path.Combine(Path.GetTempPath(), $"aci-journey-{Guid.NewGuid():N}", "copilot-usage-mar-dec-2025.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, content);
        return path;
    }

    /// <summary>The adoption rate of the department in August 2025, as the Overview's trend exports it.</summary>
    static async Task<(double Value, double Active, double TargetGroup)> Adoption(IPage page)
    {
        var response = await page.APIRequest.GetAsync($"/export/kpi-trend.json?kpi=adoption_rate&department={Uri.EscapeDataString(Department)}&from=2025-08&to=2025-08");
        response.Status.ShouldBe(200);
        var row = JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("rows").EnumerateArray().Single();
        return (row.GetProperty("value").GetDouble(), row.GetProperty("numerator").GetDouble(), row.GetProperty("denominator").GetDouble());
    }

    [Fact]
    public async Task An_analyst_uploads_follows_the_import_opens_its_rejected_rows_undoes_it_and_the_numbers_return()
    {
        var file = UsageExport();
        var page = await browser.SignIn("Analyst");
        var before = await Adoption(page);
        before.ShouldBe((4.0 / 18, 4, 18));
        long? importId = null;
        try
        {
            await page.GotoAsync("/imports?lang=en");
            await Assertions.Expect(page.Locator("#inbox-folder")).ToContainTextAsync("inbox");
            // Remember what the card shows while it changes; and a marker that a reload would wipe.
            await page.EvaluateAsync("""
                () => {
                    window.journey = { bars: [], stages: [] };
                    new MutationObserver(() => {
                        for (const bar of document.querySelectorAll('#uploads .upload-bar')) journey.bars.push(bar.value);
                        for (const stage of document.querySelectorAll('#uploads .stage-text')) if (stage.textContent) journey.stages.push(stage.textContent);
                    }).observe(document.getElementById('uploads'), { subtree: true, childList: true, characterData: true, attributes: true });
                }
                """);
            // A slow line (about 3 s for the 0.7 MB), so the upload's own progress can be seen.
            var devtools = await page.Context.NewCDPSessionAsync(page);
            await devtools.SendAsync("Network.enable");
            await Throttle(devtools, 250_000);

            await page.SetInputFilesAsync("#files", file);

            var card = page.Locator("#uploads li.upload").First;
            await Assertions.Expect(card.Locator(".file-name")).ToHaveTextAsync("copilot-usage-mar-dec-2025.csv");
            await page.WaitForFunctionAsync("() => { const v = document.querySelector('#uploads .upload-bar').value; return v > 0 && v < 100; }");
            await Assertions.Expect(card.Locator(".upload-text")).ToContainTextAsync("Uploading");
            await BrowserApp.Screenshot(page, "imports-uploading");
            await Throttle(devtools, -1);

            await Assertions.Expect(card.Locator(".import-row")).ToBeVisibleAsync();
            await Assertions.Expect(card.Locator(".stage-text")).Not.ToBeEmptyAsync();
            await BrowserApp.Screenshot(page, "imports-importing");
            await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
            importId = long.Parse((await card.Locator(".detail-link").GetAttributeAsync("href"))!.Split('/')[^1]);

            // The result, in place: no reload happened (the observer's record is still there).
            var seen = await page.EvaluateAsync<JsonElement>("() => window.journey");
            seen.GetProperty("bars").EnumerateArray().Select(b => b.GetDouble()).ShouldContain(v => v > 0 && v < 100);
            // Before its result the card said where the import was (in the queue, or a stage with its percentage).
            seen.GetProperty("stages").EnumerateArray().Select(s => s.GetString()).ShouldContain(s => s == "Waiting in the queue" || s!.Contains('%'));
            await Assertions.Expect(card.Locator(".status-badge")).ToHaveTextAsync("Loaded");
            var counts = await card.Locator(".counts dd").AllTextContentsAsync();
            counts.ShouldBe(["12,174", "4", "1", "12,169"]); // read, loaded, rejected, duplicates
            await Assertions.Expect(card.Locator(".message")).ToContainTextAsync("line 25, column 1 (date): not a date");
            await Assertions.Expect(card.Locator(".cancel")).ToBeHiddenAsync();

            var history = page.Locator($"#import-history tr[data-import='{importId}']");
            await Assertions.Expect(history).ToHaveAttributeAsync("data-status", "loaded");
            await Assertions.Expect(history.Locator("th.file")).ToHaveTextAsync("copilot-usage-mar-dec-2025.csv");
            await Assertions.Expect(history.Locator("td").Nth(1)).ToHaveTextAsync("Usage");
            (await page.EvaluateAsync<bool>("() => window.journey !== undefined")).ShouldBeTrue();
            await BrowserApp.Screenshot(page, "imports-after-upload");

            (await Adoption(page)).ShouldBe((8.0 / 18, 8, 18));

            // The rejected rows, from the card's link.
            await card.Locator(".detail-link").ClickAsync();
            await page.WaitForURLAsync($"**/imports/{importId}");
            var rejected = page.Locator("#rejected-rows tbody tr");
            await Assertions.Expect(rejected).ToHaveCountAsync(1);
            (await rejected.First.Locator("td").AllTextContentsAsync()).ShouldBe(["25", "date", "2025-08-35", "not a date (expected yyyy-mm-dd or dd-mm-yyyy)"]);
            await Assertions.Expect(page.Locator("#rejected-download")).ToHaveAttributeAsync("href", $"/imports/{importId}/rejected.xlsx");
            await BrowserApp.Screenshot(page, "import-detail-en");

            // Undo, after the confirmation the browser asks for.
            string? asked = null;
            page.Dialog += async (_, dialog) => { asked = dialog.Message; await dialog.AcceptAsync(); };
            await page.ClickAsync("#undo-form button[type=submit]");
            await Assertions.Expect(page.Locator("#undone")).ToContainTextAsync("This import has been undone");
            asked.ShouldNotBeNull().ShouldStartWith($"Undo import #{importId}");
            await Assertions.Expect(page.Locator("#import-facts [data-status]")).ToHaveTextAsync("Undone");
            await Assertions.Expect(page.Locator("#undo-form")).ToHaveCountAsync(0);
            await BrowserApp.Screenshot(page, "import-detail-undone");
            importId = null;

            (await Adoption(page)).ShouldBe(before);
        }
        finally
        {
            if (importId is { } left) await BrowserApp.Undo(page, left);
            Directory.Delete(Path.GetDirectoryName(file)!, true);
        }
        (await Adoption(page)).ShouldBe(before);
    }

    [Fact]
    public async Task A_dropped_file_that_fails_shows_why_and_changes_nothing()
    {
        var page = await browser.SignIn("Analyst");
        var before = await Adoption(page);
        await page.GotoAsync("/imports?lang=en");

        // Drag and drop, as a file manager would: a DataTransfer with the file, dropped on the zone.
        var transfer = await page.EvaluateHandleAsync("""
            () => {
                const transfer = new DataTransfer();
                transfer.items.add(new File(['date,user\n"2025-08-12,an@example.nl\n'], 'broken-export.csv', { type: 'text/csv' }));
                return transfer;
            }
            """);
        await page.DispatchEventAsync("#dropzone", "drop", new { dataTransfer = transfer });

        var card = page.Locator("#uploads li.upload").First;
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Assertions.Expect(card.Locator(".status-badge")).ToHaveTextAsync("Rejected");
        await Assertions.Expect(card.Locator(".message")).ToContainTextAsync("line 2, column 1");
        (await Adoption(page)).ShouldBe(before);
    }

    [Fact]
    public async Task The_imports_and_mapping_pages_in_dutch_and_on_a_tablet()
    {
        var page = await browser.SignIn("Analyst", language: "nl-NL");
        await page.GotoAsync("/imports?lang=nl");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Imports");
        await Assertions.Expect(page.Locator("#history-title")).ToHaveTextAsync("Importgeschiedenis");
        await page.ClickAsync("details.options summary");
        await BrowserApp.Screenshot(page, "imports-nl");

        await page.ClickAsync("#unconfirmed a[href='/imports/mapping?survey=AI-pulsmeting']");
        await page.WaitForURLAsync("**/imports/mapping?survey=AI-pulsmeting");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vraagkoppeling: AI-pulsmeting");
        await Assertions.Expect(page.Locator("#questions tbody tr")).ToHaveCountAsync(15);
        await Assertions.Expect(page.Locator("#questions tr[data-question='Ik vertrouw de resultaten van AI.'] select")).ToHaveValueAsync("trust");
        await Assertions.Expect(page.Locator("#questions tr[data-question='Ik vind de AI-tools ingewikkeld. (R)'] input[type=checkbox]")).ToBeCheckedAsync();
        await BrowserApp.Screenshot(page, "imports-mapping-nl");

        await page.GotoAsync("/imports/mapping?survey=AI-pulsmeting&lang=en");
        await Assertions.Expect(page.Locator("#questions tr[data-question='Ik vertrouw de resultaten van AI.'] select option:checked")).ToHaveTextAsync("Trust in AI results");
        await BrowserApp.Screenshot(page, "imports-mapping-en");

        var tablet = await browser.SignIn("Analyst", width: 768, height: 1024);
        await tablet.GotoAsync("/imports?lang=en");
        (await tablet.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(768);
        await BrowserApp.Screenshot(tablet, "imports-tablet");
    }

    static Task Throttle(ICDPSession devtools, double uploadBytesPerSecond) => devtools.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
    {
        ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = uploadBytesPerSecond,
    });
}
