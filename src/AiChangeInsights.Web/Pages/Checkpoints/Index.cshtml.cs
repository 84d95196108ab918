using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Text;

namespace AiChangeInsights.Web.Pages.Checkpoints;

/// <summary>
/// Checkpoints: baseline vs 1–3 vs 6 vs 12+ months. One KPI (kpi=) per department as grouped bars, its change against
/// the baseline per department in a table that says better or worse in words, and every KPI of one dimension
/// (dimension=) for the filtered department as small multiples.
/// </summary>
public sealed class IndexModel(ChartCatalog catalog, DashboardContext context, Warehouse.Warehouse warehouse) : DashboardPage(catalog, context)
{
    public IReadOnlyList<CheckpointComparison.Kpi> Kpis { get; private set; } = [];
    public CheckpointComparison.Kpi Kpi { get; private set; } = null!;
    public string Dimension { get; private set; } = "usage";
    public IReadOnlyList<CheckpointComparison.Row> Rows { get; private set; } = [];
    public int MinGroupSize { get; private set; } = 5;

    public static IReadOnlyList<(string Code, string En, string Nl)> Dimensions => Overview.IndexModel.Dimensions;

    public void OnGet()
    {
        Kpis = CheckpointComparison.Definitions(warehouse);
        (Kpi, Dimension) = CheckpointComparison.Choose(Kpis, Options);
        var data = Data("checkpoint-bars");
        Rows = CheckpointComparison.Rows(data);
        MinGroupSize = data.MinGroupSize;
    }

    public string BarsQuery => Join(Filters.ToQuery(), "kpi=" + Kpi.Code);

    public string DimensionQuery => Join(BarsQuery, "dimension=" + Dimension);

    public string DimensionLink(string dimension) => Filters.Link("/checkpoints", ("kpi", Kpi.Code), ("dimension", dimension)) + "#dimension";

    static string Join(params string[] parts) => string.Join("&", parts.Where(p => p.Length > 0));

    public enum Judgement { Better, Worse, NoChange, None }

    /// <summary>Better or worse follows the KPI's direction: for lower_better KPIs a fall is an improvement.</summary>
    public static Judgement Judge(double? delta, CheckpointComparison.Row row)
    {
        if (delta is not { } d) return Judgement.None;
        if (KpiFormat.IsNoChange(d, row.Unit)) return Judgement.NoChange;
        return (d > 0) != row.LowerIsBetter ? Judgement.Better : Judgement.Worse;
    }

    public static string Arrow(double delta, string unit) => KpiFormat.IsNoChange(delta, unit) ? "=" : delta > 0 ? "▲" : "▼";

    public static string Word(Judgement judgement, CultureInfo culture) => judgement switch
    {
        Judgement.Better => Lang.T(culture, "better", "beter"),
        Judgement.Worse => Lang.T(culture, "worse", "slechter"),
        Judgement.NoChange => Lang.T(culture, "no change", "geen verandering"),
        _ => "",
    };
}
