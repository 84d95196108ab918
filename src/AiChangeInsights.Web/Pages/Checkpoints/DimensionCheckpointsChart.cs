using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Text;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using ChartDefinition = AiChangeInsights.Web.Charts.ChartDefinition;

namespace AiChangeInsights.Web.Pages.Checkpoints;

/// <summary>
/// Every KPI of one dimension (dimension=, by default the chosen KPI's) at the four checkpoints for the filtered
/// department: small multiples, each with its own axis in its own unit, the organisation as a marker beside a
/// department, and the target as a dashed line.
/// </summary>
public sealed class DimensionCheckpointsChart : ChartDefinition
{
    public override string Key => "checkpoint-dimension";
    public override string TitleEn => "Every KPI of one dimension at the four checkpoints";
    public override string TitleNl => "Alle KPI's van één dimensie op de vier meetmomenten";
    public override IReadOnlyList<string> SourceViews => ["checkpoint_comparison", "kpi_definition"];
    public override IReadOnlyList<string> OptionKeys => ["kpi", "dimension"];

    const int Columns = 2;

    public override ChartData Query(ChartRequest request)
    {
        var (_, dimension) = CheckpointComparison.Choose(CheckpointComparison.Definitions(request.Warehouse), request.Options);
        var rows = CheckpointComparison.Read(request.Warehouse, request.Filters, dimension: dimension, everyDepartment: false);
        return CheckpointComparison.Table(rows, CheckpointComparison.MinGroupSize(request.Warehouse));
    }

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        var all = CheckpointComparison.Rows(data);
        if (all.Count == 0) return null;
        var kpis = all.GroupBy(r => r.Kpi).ToList();
        var gridRows = (kpis.Count + Columns - 1) / Columns;
        var categories = CheckpointComparison.Checkpoints.Select(c => (object)Lang.T(culture, c.Short, c.ShortNl)).ToList();
        const double xGap = 0.1, yGap = 0.2;
        var width = (1 - xGap * (Columns - 1)) / Columns;
        var height = (1 - yGap * (gridRows - 1)) / gridRows;

        var traces = new List<ITrace>();
        var xAxes = new List<XAxis>();
        var yAxes = new List<YAxis>();
        var annotations = new List<Annotation>();
        for (var i = 0; i < kpis.Count; i++)
        {
            var rows = kpis[i].ToList();
            var focus = rows.FirstOrDefault(r => r.Department != "All") ?? rows[0];
            var organisation = focus.Department == "All" ? null : rows.FirstOrDefault(r => r.Department == "All");
            var unit = focus.Unit;
            var suffix = i == 0 ? "" : (i + 1).ToString(CultureInfo.InvariantCulture);
            var (column, row) = (i % Columns, i / Columns);
            var x0 = column * (width + xGap);
            var y1 = 1 - row * (height + yGap);

            var shown = CheckpointComparison.Checkpoints.Select(c => CheckpointComparison.Show(focus, c.Code, data.MinGroupSize, culture)).ToList();
            var values = CheckpointComparison.Checkpoints.Select(c => focus.Value(c.Code)).ToList();
            var extent = values.Concat([organisation?.Early, organisation?.Mid, organisation?.Long, organisation?.Baseline, focus.Target])
                .OfType<double>().DefaultIfEmpty(0).ToList();
            double low = Math.Min(0, extent.Min()), high = Math.Max(0, extent.Max());
            var span = Math.Max(high - low, 1e-9);
            traces.Add(new Bar
            {
                Name = CheckpointComparison.DepartmentLabel(focus.Department, culture),
                ShowLegend = false,
                X = categories, Y = values.Cast<object>().ToList(),
                XAxis = "x" + suffix, YAxis = "y" + suffix,
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { ColorArray = CheckpointComparison.Checkpoints.Select(c => (object)c.Colour).ToList() },
                TextArray = CheckpointComparison.Checkpoints.Select((c, k) => focus.Suppressed(c.Code) ? "" : shown[k]).ToList(),
                // Labels inside at the foot of the bar, clear of the organisation's marker; outside when a bar is too short
                // to hold one (a zero baseline still reads "0 %").
                TextPositionArray = values.Select(v => (Plotly.Blazor.Traces.BarLib.TextPositionEnum?)(Math.Abs(v ?? 0) < span * 0.15
                    ? Plotly.Blazor.Traces.BarLib.TextPositionEnum.Outside : Plotly.Blazor.Traces.BarLib.TextPositionEnum.Inside)).ToList(),
                InsideTextAnchor = Plotly.Blazor.Traces.BarLib.InsideTextAnchorEnum.Start,
                InsideTextFont = new Plotly.Blazor.Traces.BarLib.InsideTextFont { ColorArray = ["#1d2430", "#1d2430", "#ffffff", "#ffffff"] },
                ClipOnAxis = false,
                CustomData = shown.Cast<object>().ToList(),
                HoverTemplate = $"{focus.Label(culture)} · %{{x}}: %{{customdata}}<extra>{CheckpointComparison.DepartmentLabel(focus.Department, culture)}</extra>",
            });
            if (organisation is not null)
            {
                traces.Add(new Scatter
                {
                    Name = CheckpointComparison.DepartmentLabel("All", culture), LegendGroup = "organisation", ShowLegend = i == 0,
                    X = categories, Y = CheckpointComparison.Checkpoints.Select(c => (object?)organisation.Value(c.Code)).ToList()!,
                    XAxis = "x" + suffix, YAxis = "y" + suffix,
                    Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                    Marker = new Plotly.Blazor.Traces.ScatterLib.Marker
                    {
                        Color = "#000000", Size = 11, Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Diamond,
                        Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = "#ffffff", Width = 1 },
                    },
                    CustomData = CheckpointComparison.Checkpoints.Select(c => (object)CheckpointComparison.Show(organisation, c.Code, data.MinGroupSize, culture)).ToList(),
                    HoverTemplate = $"{focus.Label(culture)} · %{{x}}: %{{customdata}}<extra>{CheckpointComparison.DepartmentLabel("All", culture)}</extra>",
                });
            }
            if (focus.Target is { } target)
            {
                traces.Add(new Scatter
                {
                    Name = Lang.T(culture, "Target", "Doel"), LegendGroup = "target", ShowLegend = i == 0,
                    X = [categories[0], categories[^1]], Y = [target, target],
                    XAxis = "x" + suffix, YAxis = "y" + suffix,
                    Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                    Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = "#3b4452", Dash = "dash", Width = 1.5m },
                    HoverTemplate = $"{Lang.T(culture, "Target", "Doel")}: {KpiFormat.Format(target, unit, culture)}<extra></extra>",
                });
            }

            // Room above and below the bars for their value labels.
            var pad = span * 0.22;
            var range = unit == "score_1_5" ? [0, 5.6] : new object[] { low < 0 ? low - pad : 0, high > 0 ? high + pad : pad };

            xAxes.Add(new XAxis
            {
                Domain = [x0, x0 + width], Anchor = "y" + suffix, Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category,
                GridColor = "#eef1f5", FixedRange = true,
            });
            yAxes.Add(new YAxis
            {
                Domain = [y1 - height, y1], Anchor = "x" + suffix, TickFormat = KpiFormat.D3(unit), GridColor = "#eef1f5",
                ZeroLineColor = "#c9ced6", Range = range.ToList(), FixedRange = true, NTicks = 5,
            });
            annotations.Add(new Annotation
            {
                XRef = $"x{suffix} domain", X = 0, XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left,
                YRef = $"y{suffix} domain", Y = 1.04, YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom, ShowArrow = false,
                Text = $"<b>{focus.Label(culture)}</b> <span style=\"color:#5b6472\">· {KpiFormat.UnitLabel(unit, culture)}" +
                       (focus.LowerIsBetter ? Lang.T(culture, " · lower is better", " · lager is beter") : "") + "</span>",
                Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 13, Color = "#1d2430" },
            });
            // An empty slot says why: too few responses, or no data (no usage before go-live, 12 months not reached yet).
            foreach (var (checkpoint, k) in CheckpointComparison.Checkpoints.Select((c, k) => (c, k)).Where(x => values[x.k] is null))
                annotations.Add(new Annotation
                {
                    XRef = "x" + suffix, X = categories[k], YRef = $"y{suffix} domain", Y = 0.04,
                    YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom, ShowArrow = false,
                    Text = focus.Suppressed(checkpoint.Code)
                        ? CheckpointComparison.FewerThan(data.MinGroupSize, culture).Replace(" re", "<br>re", StringComparison.Ordinal)
                        : Lang.T(culture, "no data", "geen<br>gegevens"),
                    Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 10, Color = "#5b6472" },
                });
        }

        var layout = Figures.Layout(culture, height: 300 * gridRows + 80);
        layout.XAxis = xAxes;
        layout.YAxis = yAxes;
        layout.Annotations = annotations;
        layout.Margin = new Margin { L = 64, R = 16, T = 40, B = 40 };
        layout.Legend[0].Y = -0.08m;
        layout.BarGap = 0.15m;
        return new Figure(traces, layout);
    }
}
