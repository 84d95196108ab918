using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Text;

namespace AiChangeInsights.Web.Pages.Adoption;

/// <summary>
/// Adoption: do people keep using AI after the novelty wears off? Cohort curves over the seed's novelty / valley /
/// stabilisation bands, an early warning in words when a cohort's valley is deeper than the threshold, and each
/// cohort's phases side by side.
/// </summary>
public sealed class IndexModel(ChartCatalog catalog, DashboardContext context) : DashboardPage(catalog, context)
{
    public CohortSelection Selection { get; private set; } = new(CohortSelection.ByRolloutMonth, null);
    public IReadOnlyList<AdoptionPhasesChart.Row> Phases { get; private set; } = [];
    /// <summary>The cohorts whose valley is deeper than the threshold: the organisation first, then the deepest.</summary>
    public IEnumerable<AdoptionPhasesChart.Row> Warnings => Phases.Where(p => p.Warning)
        .OrderBy(p => p.CohortKind == "organisation" ? 0 : 1).ThenByDescending(p => p.ValleyDepth);
    public double Threshold => Phases.FirstOrDefault()?.ValleyThreshold ?? 0.25;

    /// <summary>The query the charts and their downloads get: the filters and the cohort choice.</summary>
    public string ChartOptions => string.Join("&", new[] { Filters.ToQuery(), Filters.Department is null ? $"{CohortSelection.OptionKey}={Selection.Kind}" : "" }.Where(p => p.Length > 0));

    public void OnGet()
    {
        Selection = CohortSelection.From(Filters, Options);
        Phases = AdoptionPhasesChart.Rows(Data("adoption-phases"));
    }

    public string CohortLink(string kind) => Filters.Link("/adoption", (CohortSelection.OptionKey, kind));

    public string WithoutDepartmentLink => (Filters with { Department = null }).Link("/adoption");

    /// <summary>
    /// The early warning in plain words, e.g. "Usage of cohort 2025-01 fell 30 % from its novelty peak (54 % in month 3)
    /// to 38 % in month 6: deeper than the 25 % warning threshold."
    /// </summary>
    public static string WarningSentence(AdoptionPhasesChart.Row r, CultureInfo culture)
    {
        string P(double? v) => CohortSelection.Percent(v, culture);
        var name = CohortSelection.Name(r.CohortKind, r.Cohort, culture);
        var sentence = Lang.T(culture,
            $"Usage of {name} fell {P(r.ValleyDepth)} from its novelty peak ({P(r.PeakRate)} in month {r.PeakMonth}) to {P(r.TroughRate)} in month {r.TroughMonth}: deeper than the {P(r.ValleyThreshold)} warning threshold.",
            $"Het gebruik in {name} daalde {P(r.ValleyDepth)} vanaf de piek van het nieuwheidseffect ({P(r.PeakRate)} in maand {r.PeakMonth}) naar {P(r.TroughRate)} in maand {r.TroughMonth}: dieper dan de waarschuwingsdrempel van {P(r.ValleyThreshold)}.");
        var now = r.PhaseNow switch
        {
            "valley" => Lang.T(culture, $" It is in the valley now (month {r.LatestMonth}).", $" Het zit nu in het dal (maand {r.LatestMonth})."),
            "stabilisation" when r.StableRate is { } stable => Lang.T(culture,
                $" From month 10 on it holds at {P(stable)} on average.", $" Vanaf maand 10 ligt het gemiddeld op {P(stable)}."),
            _ => "",
        };
        return sentence + now;
    }
}
