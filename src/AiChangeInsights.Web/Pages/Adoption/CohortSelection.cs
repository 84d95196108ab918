using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Text;

namespace AiChangeInsights.Web.Pages.Adoption;

/// <summary>
/// Which cohorts the Adoption page compares, from the URL: <c>cohorts=rollout_month</c> (the default) or
/// <c>cohorts=department</c>, always with the whole organisation as reference. The department filter picks that
/// department's own cohort (rollout-month cohorts are not split by department).
/// </summary>
public sealed record CohortSelection(string Kind, string? Cohort)
{
    public const string OptionKey = "cohorts";
    public const string ByRolloutMonth = "rollout_month";
    public const string ByDepartment = "department";

    public static CohortSelection From(DashboardFilters filters, IReadOnlyDictionary<string, string> options)
    {
        if (filters.Department is { } department) return new CohortSelection(ByDepartment, department);
        return options.TryGetValue(OptionKey, out var kind) && kind == ByDepartment
            ? new CohortSelection(ByDepartment, null)
            : new CohortSelection(ByRolloutMonth, null);
    }

    public static CohortSelection From(ChartRequest request) => From(request.Filters, request.Options);

    /// <summary>The where clause both Adoption charts use: the chosen cohorts plus the organisation line.</summary>
    public const string Where = "(cohort_kind = $kind and ($cohort is null or cohort = $cohort)) or cohort_kind = 'organisation'";

    public object Parameters => new { kind = Kind, cohort = Cohort };

    /// <summary>A cohort's name in a sentence or a legend: "cohort 2025-01", "department Verkoop", "the whole organisation".</summary>
    public static string Name(string cohortKind, string cohort, CultureInfo culture) => cohortKind switch
    {
        "organisation" => Lang.T(culture, "the whole organisation", "de hele organisatie"),
        "department" => Lang.T(culture, $"department {cohort}", $"afdeling {cohort}"),
        _ => Lang.T(culture, $"cohort {cohort}", $"cohort {cohort}"),
    };

    /// <summary>The short label of a line: the cohort itself, or "Whole organisation".</summary>
    public static string Label(string cohortKind, string cohort, CultureInfo culture) =>
        cohortKind == "organisation" ? Lang.T(culture, "Whole organisation", "Hele organisatie") : cohort;

    /// <summary>A rate as the page writes it in words: "54 %".</summary>
    public static string Percent(double? rate, CultureInfo culture) =>
        rate is { } r ? (r * 100).ToString("0", culture) + " %" : "–";
}
