using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor.Traces;

namespace AiChangeInsights.Web.Pages.Overview;

/// <summary>One KPI month by month for the chosen department and tool, against its target.</summary>
public sealed class KpiTrendChart : ChartDefinition
{
    public override string Key => "kpi-trend";
    public override string TitleEn => "KPI trend by month";
    public override string TitleNl => "KPI-verloop per maand";
    public override IReadOnlyList<string> SourceViews => ["kpi_monthly", "kpi_definition"];
    public override IReadOnlyList<string> OptionKeys => ["kpi"];

    public sealed record Point(DateOnly Month, double? Value, double? Numerator, double? Denominator, bool Suppressed);

    public override ChartData Query(ChartRequest request)
    {
        var kpi = request.Option("kpi", "adoption_rate");
        var definition = request.Warehouse.Read(c => c.QueryFirstOrDefault<(string Kpi, string LabelEn, string LabelNl, string Unit, double Target, string Dimension)?>(
            "select kpi, label_en, label_nl, unit, target, dimension from kpi_definition where kpi = $kpi", new { kpi }));
        if (definition is null) return new ChartData([], []);
        var d = definition.Value;
        var tool = d.Dimension == "usage" ? request.Filters.ToolOrAll : "All";
        var points = request.Warehouse.Read(c => c.Query<Point>("""
            select month, value, numerator, denominator, suppressed from kpi_monthly
            where kpi = $kpi and department = $department and tool = $tool and month between $from and $to
            order by month
            """, new { kpi, department = request.Filters.DepartmentOrAll, tool, from = request.Filters.FromOrMin, to = request.Filters.ToOrMax }).ToList());
        var data = new ChartData(
            [
                new("month", "Month", "Maand", CellFormat.Month),
                new("kpi", "KPI", "KPI"),
                new("value", d.LabelEn, d.LabelNl, d.Unit == "share" ? CellFormat.Percent : CellFormat.Number, SuppressedBy: "suppressed"),
                new("numerator", "Numerator", "Teller", CellFormat.Number, SuppressedBy: "suppressed"),
                new("denominator", "Denominator", "Noemer", CellFormat.Number, SuppressedBy: "suppressed"),
                new("target", "Target", "Doel", d.Unit == "share" ? CellFormat.Percent : CellFormat.Number),
                new("suppressed", "Suppressed", "Onderdrukt", CellFormat.Boolean),
            ],
            points.Select(p => new object?[] { p.Month, kpi, p.Value, p.Numerator, p.Denominator, d.Target, p.Suppressed }).ToList());
        return data;
    }

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        if (data.Rows.Count == 0) return null;
        var kpi = (string)data.Rows[0][1]!;
        var label = data.Columns[2].Label(culture);
        var months = data.Rows.Select(r => (object)((DateOnly)r[0]!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var format = data.Columns[2].Format == CellFormat.Percent ? ".0%" : ".1f";
        var layout = Figures.Layout(culture, yTitle: label, yFormat: format);
        return new Figure(
        [
            new Scatter
            {
                Name = label, X = months, Y = data.Rows.Select(r => r[2]).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                HoverTemplate = $"%{{x|%b %Y}}: %{{y:{format}}}<extra></extra>",
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = Figures.Palette[0], Width = 3 },
            },
            new Scatter
            {
                Name = Lang.T(culture, "Target", "Doel"), X = months, Y = data.Rows.Select(r => r[5]).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                HoverTemplate = $"%{{y:{format}}}<extra></extra>",
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = Figures.Benchmark, Dash = "dash" },
            },
        ], layout);
    }
}
