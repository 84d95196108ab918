using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Text;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using ChartDefinition = AiChangeInsights.Web.Charts.ChartDefinition;

namespace AiChangeInsights.Web.Pages.Checkpoints;

/// <summary>One KPI (kpi=) per department at baseline, 1–3, 6 and 12+ months: grouped bars, the target as a dashed line.</summary>
public sealed class CheckpointBarsChart : ChartDefinition
{
    public override string Key => "checkpoint-bars";
    public override string TitleEn => "Baseline vs 1–3 vs 6 vs 12+ months per department";
    public override string TitleNl => "Nulmeting vs 1–3 vs 6 vs 12+ maanden per afdeling";
    public override IReadOnlyList<string> SourceViews => ["checkpoint_comparison", "kpi_definition"];
    public override IReadOnlyList<string> OptionKeys => ["kpi"];

    public override ChartData Query(ChartRequest request)
    {
        var (kpi, _) = CheckpointComparison.Choose(CheckpointComparison.Definitions(request.Warehouse), request.Options);
        var rows = CheckpointComparison.Read(request.Warehouse, request.Filters, kpi: kpi.Code);
        var data = CheckpointComparison.Table(rows, CheckpointComparison.MinGroupSize(request.Warehouse));
        data.Notes.Add((
            "Checkpoints are fixed windows from each department's go-live: baseline = the three months before, then months 1–3, 4–6 and 12 onwards. Change = checkpoint minus baseline, in the KPI's unit.",
            "Meetmomenten zijn vaste vensters vanaf de livegang van elke afdeling: nulmeting = de drie maanden ervoor, dan maand 1–3, 4–6 en vanaf 12. Verandering = meetmoment min nulmeting, in de eenheid van de KPI."));
        return data;
    }

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        var rows = CheckpointComparison.Rows(data);
        if (rows.Count == 0) return null;
        var unit = rows[0].Unit;
        var departments = rows.Select(r => (object)CheckpointComparison.DepartmentLabel(r.Department, culture)).ToList();
        var labelled = rows.Count <= 3;   // values on the bars when few groups; the deltas table has every number

        var traces = new List<ITrace>();
        foreach (var checkpoint in CheckpointComparison.Checkpoints)
        {
            var name = Lang.T(culture, checkpoint.En, checkpoint.Nl);
            var shown = rows.Select(r => CheckpointComparison.Show(r, checkpoint.Code, data.MinGroupSize, culture)).ToList();
            traces.Add(new Bar
            {
                Name = name,
                X = departments,
                Y = rows.Select(r => (object?)r.Value(checkpoint.Code)).ToList()!,
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = checkpoint.Colour },
                CustomData = shown.Cast<object>().ToList(),
                HoverTemplate = $"%{{x}} · {name}: %{{customdata}}<extra></extra>",
                TextArray = labelled ? rows.Select((r, i) => r.Suppressed(checkpoint.Code) ? "" : shown[i]).ToList() : null,
                TextPosition = labelled ? Plotly.Blazor.Traces.BarLib.TextPositionEnum.Outside : Plotly.Blazor.Traces.BarLib.TextPositionEnum.None,
                ClipOnAxis = false,
            });
        }

        var layout = Figures.Layout(culture, yTitle: KpiFormat.UnitLabel(unit, culture), yFormat: KpiFormat.D3(unit), height: 420);
        layout.BarMode = BarModeEnum.Group;
        layout.BarGap = 0.08m;
        layout.BarGroupGap = 0.25m;
        layout.Margin = new Margin { L = 72, R = 16, T = 40, B = 56 };
        layout.YAxis[0].RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero;
        if (unit == "score_1_5") layout.YAxis[0].Range = [0, 5];
        layout.XAxis[0].Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category;

        var shapes = new List<Shape>();
        var annotations = new List<Annotation>
        {
            new()
            {
                XRef = "paper", X = 0, XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left, YRef = "paper", Y = 1.02,
                YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom, ShowArrow = false,
                Text = $"<b>{rows[0].Label(culture)}</b>" + (rows[0].LowerIsBetter ? Lang.T(culture, " · lower is better", " · lager is beter") : ""),
                Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 14, Color = "#1d2430" },
            },
        };
        // The target: one dashed line when every department shares it, else a short line over each department's group.
        var targets = rows.Select(r => r.Target).Distinct().ToList();
        if (targets is [{ } common])
        {
            shapes.Add(TargetLine("paper", 0, 1, common));
            annotations.Add(new Annotation
            {
                XRef = "paper", X = 1, XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Right, YRef = "y", Y = common,
                YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom, ShowArrow = false,
                Text = Lang.T(culture, "target ", "doel ") + KpiFormat.Format(common, unit, culture),
                Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 11, Color = "#3b4452" },
            });
        }
        else
        {
            for (var i = 0; i < rows.Count; i++)
                if (rows[i].Target is { } target) shapes.Add(TargetLine("x", i - 0.45, i + 0.45, target));
        }

        // Suppressed survey cells have no bar; say why where the bar would be.
        for (var i = 0; i < rows.Count; i++)
        {
            var hidden = CheckpointComparison.Checkpoints.Where(c => rows[i].Suppressed(c.Code)).ToList();
            if (hidden.Count == 0) continue;
            var text = CheckpointComparison.FewerThan(data.MinGroupSize, culture).Replace(" re", "<br>re", StringComparison.Ordinal);
            if (hidden.Count < CheckpointComparison.Checkpoints.Length)
                text += "<br>(" + string.Join(", ", hidden.Select(c => Lang.T(culture, c.Short, c.ShortNl))) + ")";
            annotations.Add(new Annotation
            {
                XRef = "x", X = departments[i], YRef = "paper", Y = 0.02, YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
                ShowArrow = false, Text = text, Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 11, Color = "#5b6472" },
            });
        }
        layout.Shapes = shapes;
        layout.Annotations = annotations;
        return new Figure(traces, layout);
    }

    static Shape TargetLine(string xRef, double x0, double x1, double y) => new()
    {
        Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, XRef = xRef, YRef = "y", X0 = x0, X1 = x1, Y0 = y, Y1 = y,
        Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = "#3b4452", Width = 1.5m, Dash = "dash" },
        Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Above,
    };
}
