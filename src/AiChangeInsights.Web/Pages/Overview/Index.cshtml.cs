using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using Dapper;

namespace AiChangeInsights.Web.Pages.Overview;

/// <summary>
/// Overview: one glance for leadership. The KPI matrix as a heat table (five dimensions x checkpoints, traffic
/// lights, leading vs lagging, a sparkline per KPI), the three biggest movements in words, and one KPI's trend.
/// </summary>
public sealed class IndexModel(ChartCatalog catalog, DashboardContext context, Warehouse.Warehouse warehouse) : DashboardPage(catalog, context)
{
    public sealed record Cell(double? Value, string Status, bool Suppressed, double Target);

    public sealed record KpiRow(string Dimension, string Kpi, string LabelEn, string LabelNl, string Unit, string Indicator,
        IReadOnlyDictionary<string, Cell> Cells, IReadOnlyList<double?> Spark);

    public sealed record Movement(string Kpi, string LabelEn, string LabelNl, string Unit, double Reference, string ReferenceCheckpoint,
        double Latest, DateOnly? LatestMonth, double Target, bool Improved);

    public IReadOnlyList<KpiRow> Kpis { get; private set; } = [];
    public IReadOnlyList<Movement> Movements { get; private set; } = [];
    public string TrendKpi { get; private set; } = "adoption_rate";
    public int MinGroupSize { get; private set; } = 5;

    /// <summary>The months in the period that a source's exports leave out or cover in part, named beside "data up to".</summary>
    public IReadOnlyList<CoverageGap> Gaps { get; private set; } = [];

    public static readonly (string Code, string En, string Nl)[] Dimensions =
    [
        ("usage", "Usage", "Gebruik"), ("competence", "Competence", "Competentie"), ("acceptance", "Acceptance", "Acceptatie"),
        ("business_impact", "Business impact", "Bedrijfsimpact"), ("innovation", "Innovation", "Innovatie"),
    ];

    public void OnGet(string? kpi)
    {
        var matrix = Data("kpi-matrix");
        MinGroupSize = matrix.MinGroupSize;
        int Col(string name) => matrix.Index(name);
        var sparks = warehouse.Read(c => c.Query<(string Kpi, DateOnly Month, double? Value)>("""
            select kpi, month, value from kpi_monthly
            where department = $department and tool = 'All' and month between $from and $to
            order by kpi, month
            """, new { department = Filters.DepartmentOrAll, from = Filters.FromOrMin, to = Filters.ToOrMax }).ToList());
        var sparkByKpi = sparks.GroupBy(s => s.Kpi).ToDictionary(g => g.Key, g => (IReadOnlyList<double?>)g.Select(s => s.Value).ToList());

        var definitions = warehouse.Read(c => c.Query<(string Kpi, string LabelEn, string LabelNl, string Unit, string Indicator, string Dimension, double Target)>(
            "select kpi, label_en, label_nl, unit, indicator, dimension, target from kpi_definition order by sort_order").ToList());
        Kpis = definitions.Select(d => new KpiRow(d.Dimension, d.Kpi, d.LabelEn, d.LabelNl, d.Unit, d.Indicator,
            matrix.Rows.Where(r => (string)r[Col("kpi")]! == d.Kpi).ToDictionary(
                r => (string)r[Col("checkpoint")]!,
                r => new Cell((double?)r[Col("value")], (string)r[Col("status")]!, (bool)r[Col("suppressed")]!, (double)r[Col("target")]!)),
            sparkByKpi.GetValueOrDefault(d.Kpi, []))).ToList();

        Movements = warehouse.Read(c => c.Query<Movement>("""
            select kpi, label_en as LabelEn, label_nl as LabelNl, unit, reference, reference_checkpoint as ReferenceCheckpoint,
                   latest, latest_month as LatestMonth, target, improved
            from kpi_movements where department = $department and rank <= 3 order by rank
            """, new { department = Filters.DepartmentOrAll }).ToList());

        TrendKpi = definitions.Any(d => d.Kpi == kpi) ? kpi! : "adoption_rate";
        Gaps = CoverageGap.ReadAll(warehouse, Filters.FromOrMin, Filters.ToOrMax);
    }
}
