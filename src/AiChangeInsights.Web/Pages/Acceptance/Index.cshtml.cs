using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using Dapper;

namespace AiChangeInsights.Web.Pages.Acceptance;

/// <summary>
/// Acceptance &amp; trends, the anonymised page the works council shares with leadership and analysts: survey
/// constructs by quarter and NPS by wave from acceptance_trends_anonymised and survey_results only, every cell
/// below MinGroupSize (and every cell that would give one away) hidden by the views, never here.
/// </summary>
public sealed class IndexModel(ChartCatalog catalog, DashboardContext context, Warehouse.Warehouse warehouse) : DashboardPage(catalog, context)
{
    public static readonly string[] ChartKeys = ["acceptance-quarters", "acceptance-nps", "acceptance-worries-culture"];

    /// <summary>A department whose cells are (partly) hidden in the period: in how many of its quarters, of how many.</summary>
    public sealed record HiddenDepartment(string Department, IReadOnlyList<string> Quarters, int QuartersWithAnswers, bool Partly);

    public int MinGroupSize { get; private set; } = 5;
    public IReadOnlyList<HiddenDepartment> Hidden { get; private set; } = [];
    public IReadOnlyList<string> Quarters { get; private set; } = [];

    public void OnGet()
    {
        MinGroupSize = Frame.Freshness.MinGroupSize;
        var (from, to) = SurveyConstructs.QuarterRange(Filters);
        var cells = warehouse.Read(c => c.Query<(string Quarter, string Department, bool Suppressed)>("""
            select quarter, department, suppressed
            from acceptance_trends_anonymised
            where department <> 'All' and quarter between $from and $to
            order by department, quarter
            """, new { from, to }).ToList());
        Quarters = cells.Select(c => c.Quarter).Distinct().Order(StringComparer.Ordinal).ToList();
        Hidden = cells.GroupBy(c => c.Department)
            .Select(d => new HiddenDepartment(d.Key,
                d.GroupBy(c => c.Quarter).Where(q => q.Any(c => c.Suppressed)).Select(q => q.Key).ToList(),
                d.Select(c => c.Quarter).Distinct().Count(),
                d.GroupBy(c => c.Quarter).Any(q => q.Any(c => c.Suppressed) && q.Any(c => !c.Suppressed))))
            .Where(d => d.Quarters.Count > 0)
            .ToList();
    }
}
