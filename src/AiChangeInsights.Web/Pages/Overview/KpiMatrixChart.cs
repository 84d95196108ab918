using Dapper;
using AiChangeInsights.Web.Charts;

namespace AiChangeInsights.Web.Pages.Overview;

/// <summary>The KPI matrix: every KPI at every checkpoint for the chosen department, with targets and traffic lights.</summary>
public sealed class KpiMatrixChart : ChartDefinition
{
    public override string Key => "kpi-matrix";
    public override string TitleEn => "KPI matrix: baseline, 1-3, 6 and 12+ months";
    public override string TitleNl => "KPI-matrix: nulmeting, 1-3, 6 en 12+ maanden";
    public override IReadOnlyList<string> SourceViews => ["kpi_matrix"];

    public sealed record Row(string Dimension, string Kpi, string LabelEn, string LabelNl, string Unit, string Direction, string Indicator,
        string Checkpoint, string Department, double? Value, double Target, double Amber, string Status, bool Suppressed, int SortOrder);

    public static readonly string[] Checkpoints = ["baseline", "early", "mid", "long", "latest"];

    public override ChartData Query(ChartRequest request)
    {
        var rows = request.Warehouse.Read(c => c.Query<Row>("""
            select dimension, kpi, label_en as LabelEn, label_nl as LabelNl, unit, direction, indicator, checkpoint, department,
                   value, target, amber, status, suppressed, sort_order as SortOrder
            from kpi_matrix
            where department = $department
            order by sort_order, checkpoint_order
            """, new { department = request.Filters.DepartmentOrAll }).ToList());
        var minGroup = request.Warehouse.Read(c => c.ExecuteScalar<int>("select min_group_size from dim_organisation"));
        return new ChartData(
            [
                new("dimension", "Dimension", "Dimensie"), new("kpi", "KPI", "KPI"),
                new("label_en", "KPI (English)", "KPI (Engels)"), new("label_nl", "KPI (Dutch)", "KPI (Nederlands)"),
                new("indicator", "Leading/lagging", "Voorlopend/achterlopend"), new("unit", "Unit", "Eenheid"),
                new("checkpoint", "Checkpoint", "Meetmoment"), new("department", "Department", "Afdeling"),
                new("value", "Value", "Waarde", CellFormat.Number, SuppressedBy: "suppressed"),
                new("target", "Target", "Doel", CellFormat.Number), new("status", "Status", "Status"),
                new("suppressed", "Suppressed", "Onderdrukt", CellFormat.Boolean),
            ],
            rows.Select(r => new object?[] { r.Dimension, r.Kpi, r.LabelEn, r.LabelNl, r.Indicator, r.Unit, r.Checkpoint, r.Department, r.Value, r.Target, r.Status, r.Suppressed }).ToList())
        {
            MinGroupSize = minGroup,
        };
    }
}
