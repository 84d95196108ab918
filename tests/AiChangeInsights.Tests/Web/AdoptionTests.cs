using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AiChangeInsights.Tests.Web;

/// <summary>/adoption over the demo organisation: cohort curves, the early warning in words, the cohort switch and the department filter.</summary>
public sealed class AdoptionTests(DemoApp app) : IClassFixture<DemoApp>
{
    static string Percent(double rate) => (rate * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    static async Task<List<JsonElement>> Rows(HttpClient client, string export)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(export));
        return json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.Clone()).ToList();
    }

    [Fact]
    public async Task The_early_warning_says_in_plain_words_how_far_cohort_2025_01_fell_from_its_novelty_peak()
    {
        var client = await app.SignedInClient("Leadership");
        var phase = (await Rows(client, "/export/adoption-phases.json")).Single(r => r.GetProperty("cohort").GetString() == "2025-01");
        phase.GetProperty("warning").GetBoolean().ShouldBeTrue();   // the demo's valley is about a third deep

        var html = await client.GetStringAsync("/adoption?lang=en");

        var expected = $"Usage of cohort 2025-01 fell {Percent(phase.GetProperty("valley_depth").GetDouble())} from its novelty peak " +
                       $"({Percent(phase.GetProperty("peak_rate").GetDouble())} in month {phase.GetProperty("peak_month").GetInt32()}) to " +
                       $"{Percent(phase.GetProperty("trough_rate").GetDouble())} in month {phase.GetProperty("trough_month").GetInt32()}: " +
                       "deeper than the 25 % warning threshold.";
        html.ShouldContain(expected);
        html.ShouldContain("id=\"early-warning\"");
        html.ShouldContain("The seed article: only continued change activities keep use high.");
        html.ShouldContain("64 % of AI projects see a clear decline in use after 3–6 months");
    }

    [Fact]
    public async Task By_default_the_cohorts_are_rollout_months_plus_the_organisation_and_the_switch_shows_departments()
    {
        var client = await app.SignedInClient("Analyst");

        var byMonth = await Rows(client, "/export/adoption-cohorts.json");
        byMonth.Select(r => r.GetProperty("cohort_kind").GetString()).Distinct().Order().ShouldBe(["organisation", "rollout_month"]);
        byMonth.Select(r => r.GetProperty("cohort").GetString()).ShouldContain("2025-01");
        byMonth.ShouldAllBe(r => r.GetProperty("active_rate").GetDouble() >= 0 && r.GetProperty("active_rate").GetDouble() <= 1);

        var byDepartment = await Rows(client, "/export/adoption-cohorts.json?cohorts=department");
        byDepartment.Select(r => r.GetProperty("cohort").GetString()).Distinct().Order().ShouldBe(
            ["All", "Directie", "Engineering", "Financiën & HR", "Klantenservice", "Productie", "Verkoop"]);

        var html = await client.GetStringAsync("/adoption?cohorts=department&lang=en");
        html.ShouldContain("data-cohorts=\"department\"");
        html.ShouldContain("data-cohort=\"Engineering\" data-cohort-kind=\"department\"");
    }

    [Fact]
    public async Task The_department_filter_picks_that_departments_cohort_beside_the_organisation()
    {
        var client = await app.SignedInClient("Leadership");

        var rows = await Rows(client, "/export/adoption-cohorts.json?department=Verkoop");
        rows.Select(r => r.GetProperty("cohort").GetString()).Distinct().Order().ShouldBe(["All", "Verkoop"]);

        var html = await client.GetStringAsync("/adoption?department=Verkoop&lang=en");
        html.ShouldContain("data-cohort=\"Verkoop\" data-cohort-kind=\"department\"");
        html.ShouldNotContain("data-cohort=\"2025-01\"");
        html.ShouldContain("The department filter shows the cohort of Verkoop against the whole organisation.");
    }

    [Fact]
    public async Task The_phase_table_shows_peak_trough_depth_stable_level_and_phase_now_for_every_cohort()
    {
        var client = await app.SignedInClient("Leadership");
        var phases = await Rows(client, "/export/adoption-phases.json");
        var html = await client.GetStringAsync("/adoption?lang=en");

        phases.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var phase in phases)
            html.ShouldContain($"data-cohort=\"{phase.GetProperty("cohort").GetString()}\"");
        html.ShouldContain("Novelty peak (months 1–3)");
        html.ShouldMatch(@"(?s)data-cohort=""All"" data-cohort-kind=""organisation"".*?Stabilisation <span[^>]*>\(month 12\)</span>");
    }

    [Fact]
    public async Task In_Dutch_the_warning_and_the_bands_speak_Dutch()
    {
        var client = await app.SignedInClient("Leadership");
        var html = await client.GetStringAsync("/adoption?lang=nl");

        html.ShouldContain("Vroege waarschuwing");
        html.ShouldContain("Het gebruik in cohort 2025-01 daalde");
        html.ShouldContain("dieper dan de waarschuwingsdrempel van 25 %");
        html.ShouldContain("Adoptiecurves");
    }

    [Fact]
    public async Task The_works_council_may_open_neither_the_page_nor_its_downloads()
    {
        var council = await app.SignedInClient("WorksCouncil");
        (await council.GetAsync("/adoption")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await council.GetAsync("/export/adoption-cohorts.json")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await council.GetAsync("/export/adoption-phases.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
