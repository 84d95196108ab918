using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor.Traces;

namespace AiChangeInsights.Web.Pages.Overview;

/// <summary>
/// One KPI month by month for the chosen department and tool, against its target. A month that its source's exports
/// leave out is a gap in the line under a grey band, a partly covered one sits under an amber band, each named in a note.
/// </summary>
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
        var definition = request.Warehouse.Read(c => c.QueryFirstOrDefault<(string Kpi, string LabelEn, string LabelNl, string Unit, double Target, string Dimension, string Coverage)?>(
            "select kpi, label_en, label_nl, unit, target, dimension, coverage from kpi_definition where kpi = $kpi", new { kpi }));
        if (definition is null) return new ChartData([], []);
        var d = definition.Value;
        var tool = d.Dimension == "usage" ? request.Filters.ToolOrAll : "All";
        var points = request.Warehouse.Read(c => c.Query<Point>("""
            select month, value, numerator, denominator, suppressed from kpi_monthly
            where kpi = $kpi and department = $department and tool = $tool and month between $from and $to
            order by month
            """, new { kpi, department = request.Filters.DepartmentOrAll, tool, from = request.Filters.FromOrMin, to = request.Filters.ToOrMax }).ToList());
        var gaps = points.Count == 0 ? [] : CoverageGap.Read(request.Warehouse, d.Coverage, tool,
            Max(request.Filters.FromOrMin, points[0].Month), Min(request.Filters.ToOrMax, points[^1].Month));
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
            points.Select(p => new object?[] { p.Month, kpi, p.Value, p.Numerator, p.Denominator, d.Target, p.Suppressed }).ToList())
        {
            Gaps = gaps,
        };
        data.Notes.AddRange(gaps.Select(g => g.Sentence()));
        return data;
    }

    static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        if (data.Rows.Count == 0) return null;
        var label = data.Columns[2].Label(culture);
        // A missing month gets a point without a value, so that the line breaks there instead of bridging it.
        var byMonth = data.Rows.ToDictionary(r => (DateOnly)r[0]!, r => (Value: r[2], Target: r[5]));
        var target = data.Rows[0][5];
        foreach (var gap in data.Gaps.Where(g => g.Missing)) byMonth.TryAdd(gap.Month, (null, target));
        var ordered = byMonth.OrderBy(p => p.Key).ToList();
        var months = ordered.Select(p => (object)Day(p.Key)).ToList();
        var format = data.Columns[2].Format == CellFormat.Percent ? ".0%" : ".1f";
        var layout = Figures.Layout(culture, yTitle: label, yFormat: format);
        MarkGaps(layout, data.Gaps, culture);
        return new Figure(
        [
            new Scatter
            {
                Name = label, X = months, Y = ordered.Select(p => p.Value.Value).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                HoverTemplate = $"%{{x|%b %Y}}: %{{y:{format}}}<extra></extra>",
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = Figures.Palette[0], Width = 3 },
            },
            new Scatter
            {
                Name = Lang.T(culture, "Target", "Doel"), X = months, Y = ordered.Select(p => p.Value.Target).ToList(),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                HoverTemplate = $"%{{y:{format}}}<extra></extra>",
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = Figures.Benchmark, Dash = "dash" },
            },
        ], layout);
    }

    static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A band over each month its source's exports leave out (grey) or cover in part (amber), with a word on top.</summary>
    static void MarkGaps(Plotly.Blazor.Layout layout, IReadOnlyList<CoverageGap> gaps, CultureInfo culture)
    {
        var months = gaps.GroupBy(g => g.Month).Select(g => (Month: g.Key, Missing: g.Any(x => x.Missing))).ToList();
        if (months.Count == 0) return;
        // Bands span the month around its point, which the axis places on the first day.
        layout.Shapes = months.Select(m => new Plotly.Blazor.LayoutLib.Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect,
            XRef = "x", YRef = "paper",
            X0 = Day(m.Month.AddDays(-14)), X1 = Day(m.Month.AddDays(14)), Y0 = 0, Y1 = 1,
            FillColor = m.Missing ? "rgba(153,153,153,0.30)" : "rgba(230,159,0,0.22)",
            Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Width = 0 },
            Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Below,
        }).ToList();
        layout.Annotations = months.Select(m => new Plotly.Blazor.LayoutLib.Annotation
        {
            XRef = "x", YRef = "paper", X = Day(m.Month), Y = 1.0,
            YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
            Text = m.Missing ? Lang.T(culture, "no data", "geen gegevens") : Lang.T(culture, "partial", "deels"),
            ShowArrow = false,
            Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 11, Color = "#3b4452" },
        }).ToList();
    }
}
