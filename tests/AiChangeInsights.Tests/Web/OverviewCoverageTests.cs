using System.Net;
using System.Text.Json;
using AiChangeInsights.Tests.Web.Imports;
using Dapper;

namespace AiChangeInsights.Tests.Web;

/// <summary>
/// The Overview of an organisation before its AI tools are live (roster, LMS and a baseline survey), and the gaps of
/// its first usage exports: named beside "data up to", on /imports and under the trend.
/// </summary>
public sealed class OverviewCoverageTests : IDisposable
{
    readonly TestWarehouse data = new();
    readonly ImportsApp app;

    public OverviewCoverageTests()
    {
        Import("roster.csv", "email,department\n" + string.Join("\n", Enumerable.Range(1, 6).Select(i => $"v{i}@example.nl,Verkoop")));
        Import("lms.csv", """
            user,course,completed_at
            v1@example.nl,AI-basis,2025-01-15
            v2@example.nl,AI-basis,2025-02-10
            """);
        Import("pulse.csv", """
            response_id,submitted_at,department,Ik ben tevreden over de AI-tools die ik gebruik.,Ik vertrouw de resultaten van AI.,AI is nuttig voor mijn werk.,Hoe waarschijnlijk is het dat u de AI-tools aanbeveelt aan een collega? (0-10),Ik voel me vaardig in het gebruik van AI.
            1,2025-02-12 09:00,Verkoop,4,3,5,9,3
            2,2025-02-12 09:30,Verkoop,4,4,4,10,4
            3,2025-02-12 10:00,Verkoop,5,4,4,7,2
            4,2025-02-13 11:00,Verkoop,3,3,5,6,3
            5,2025-02-13 12:00,Verkoop,4,2,4,9,4
            6,2025-02-14 08:00,Verkoop,4,4,5,3,4
            """);
        // Go-live April 2025. Copilot's April and June logs; no export for May. ChatGPT's April log stops on the 17th.
        Import("copilot_apr.csv", "date,user,tool\n2025-04-01,v1@example.nl,Copilot\n2025-04-30,v2@example.nl,Copilot");
        Import("copilot_jun.csv", "date,user,tool\n2025-06-02,v1@example.nl,Copilot\n2025-06-30,v3@example.nl,Copilot");
        Import("chatgpt_apr.csv", "date,user,tool\n2025-04-01,v4@example.nl,ChatGPT\n2025-04-17,v4@example.nl,ChatGPT");
        data.Warehouse.Write(c => c.Execute("update setting set value = '2025-04-01' where key = 'go_live_month'"));
        data.Warehouse.Refresh("setting");
        data.Close();
        app = new ImportsApp(data.Folder);
    }

    public void Dispose()
    {
        app.Dispose();
        data.Dispose();
    }

    [Fact]
    public async Task The_baseline_checkpoint_shows_competence_and_acceptance_before_any_usage()
    {
        var client = await app.SignedInClient("Leadership");
        var html = await client.GetStringAsync("/?lang=en");

        // Baseline Jan-Mar 2025: training (1 + 2 + 2) / (6 x 3) = 28 %; the February wave: satisfaction 4.0,
        // trust 20/6 = 3.3, usefulness 4.5, competence 20/6 = 3.3, NPS (3 - 2) / 6 = +17.
        Baseline(html, "training_participation").ShouldBe("28%");
        Baseline(html, "satisfaction").ShouldBe("4.0");
        Baseline(html, "trust").ShouldBe("3.3");
        Baseline(html, "usefulness").ShouldBe("4.5");
        Baseline(html, "self_assessed_competence").ShouldBe("3.3");
        Baseline(html, "nps").ShouldBe("+17");
        // Usage has no baseline: no export covers it. "No data", never 0 %.
        Baseline(html, "adoption_rate").ShouldBe("–");
    }

    [Fact]
    public async Task The_gaps_are_named_beside_data_up_to_on_imports_and_under_the_trend()
    {
        var leadership = await app.SignedInClient("Leadership");
        var overview = await leadership.GetStringAsync("/?lang=en");
        overview.ShouldContain("Gaps in the data:");
        overview.ShouldContain("ChatGPT: April 2025 holds only 1–17 April.");
        overview.ShouldContain("No Copilot export for May 2025.");
        (await leadership.GetStringAsync("/?lang=nl")).ShouldContain("Geen export van Copilot voor mei 2025.");

        // The trend of all tools: May is a gap (no value, not 0 %), and both tools' gaps are notes of the chart.
        var trend = JsonDocument.Parse(await leadership.GetStringAsync("/export/kpi-trend.json?kpi=adoption_rate&lang=en")).RootElement;
        trend.GetProperty("notes").EnumerateArray().Select(n => n.GetString())
            .ShouldBe(["ChatGPT: April 2025 holds only 1–17 April.", "No Copilot export for May 2025."]);
        trend.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("month").GetString()).ShouldBe(["2025-04-01", "2025-06-01"]);

        var analyst = await app.SignedInClient("Analyst");
        var imports = await analyst.GetStringAsync("/imports?lang=en");
        imports.ShouldContain("data-source=\"usage\" data-tool=\"Copilot\" data-month=\"2025-05\" data-status=\"missing\"");
        imports.ShouldContain("data-source=\"usage\" data-tool=\"ChatGPT\" data-month=\"2025-04\" data-status=\"partial\"");
        // ChatGPT's one log ends in April: May and June are after its last export, not gaps.
        imports.ShouldNotContain("data-tool=\"ChatGPT\" data-month=\"2025-05\"");
    }

    /// <summary>The text of a KPI's baseline cell on the Overview.</summary>
    static string Baseline(string html, string kpi)
    {
        var row = html[html.IndexOf($"<tr data-kpi=\"{kpi}\"", StringComparison.Ordinal)..];
        var cell = row[row.IndexOf("data-checkpoint=\"baseline\"", StringComparison.Ordinal)..];
        cell = cell[(cell.IndexOf('>') + 1)..cell.IndexOf("</td>", StringComparison.Ordinal)];
        // The value before its traffic light (the baseline has none); spaces (also a culture's narrow ones) left out.
        var text = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(cell, "<[^>]+>", "|").Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim()).First(t => t.Length > 0));
        return new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
    }

    void Import(string name, string content)
    {
        var summary = data.Import(data.File(name, content + "\n"));
        summary.Status.ShouldBe("loaded", summary.Message);
    }
}
