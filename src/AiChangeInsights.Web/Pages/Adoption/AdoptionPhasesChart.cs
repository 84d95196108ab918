using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor;
using ChartDefinition = AiChangeInsights.Web.Charts.ChartDefinition;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace AiChangeInsights.Web.Pages.Adoption;

/// <summary>
/// Where each cohort stands on the curve: novelty peak, valley trough and stable level side by side, with the
/// valley's depth and the early warning when it is deeper than the threshold.
/// </summary>
public sealed class AdoptionPhasesChart : ChartDefinition
{
    public override string Key => "adoption-phases";
    public override string TitleEn => "Peak, valley and stable level per cohort";
    public override string TitleNl => "Piek, dal en stabiel niveau per cohort";
    public override IReadOnlyList<string> SourceViews => ["adoption_curve_phases"];
    public override IReadOnlyList<string> OptionKeys => [CohortSelection.OptionKey];

    public sealed record Row(string CohortKind, string Cohort, long CohortSize, double? PeakRate, int? PeakMonth, double? TroughRate,
        int? TroughMonth, double? ValleyDepth, double? StableRate, int LatestMonth, string PhaseNow, bool Warning, double ValleyThreshold);

    public static ChartData Table(IReadOnlyList<Row> rows) => new(
        [
            new("cohort_kind", "Cohort kind", "Soort cohort"), new("cohort", "Cohort", "Cohort"),
            new("cohort_size", "People in cohort", "Mensen in cohort", CellFormat.Integer),
            new("peak_rate", "Novelty peak", "Piek nieuwheidseffect", CellFormat.Percent),
            new("peak_month", "Peak month", "Maand van de piek", CellFormat.Integer),
            new("trough_rate", "Valley trough", "Dieptepunt dal", CellFormat.Percent),
            new("trough_month", "Trough month", "Maand van het dieptepunt", CellFormat.Integer),
            new("valley_depth", "Valley depth (fall from peak)", "Diepte dal (daling vanaf piek)", CellFormat.Percent),
            new("stable_rate", "Stable level (months 10+)", "Stabiel niveau (maand 10+)", CellFormat.Percent),
            new("latest_month", "Latest month", "Laatste maand", CellFormat.Integer),
            new("phase_now", "Phase now", "Huidige fase"),
            new("warning", "Early warning", "Vroege waarschuwing", CellFormat.Boolean),
            new("valley_threshold", "Warning threshold", "Waarschuwingsdrempel", CellFormat.Percent),
        ],
        rows.Select(r => new object?[]
        {
            r.CohortKind, r.Cohort, r.CohortSize, r.PeakRate, r.PeakMonth, r.TroughRate, r.TroughMonth, r.ValleyDepth, r.StableRate,
            r.LatestMonth, r.PhaseNow, r.Warning, r.ValleyThreshold,
        }).ToList());

    public static IReadOnlyList<Row> Rows(ChartData data) => data.Rows.Select(r => new Row(
        (string)r[0]!, (string)r[1]!, (long)r[2]!, (double?)r[3], (int?)r[4], (double?)r[5], (int?)r[6], (double?)r[7], (double?)r[8],
        (int)r[9]!, (string)r[10]!, (bool)r[11]!, (double)r[12]!)).ToList();

    public override ChartData Query(ChartRequest request)
    {
        var selection = CohortSelection.From(request);
        var rows = request.Warehouse.Read(c => c.Query<Row>($"""
            select cohort_kind as CohortKind, cohort, cohort_size as CohortSize, peak_rate as PeakRate, peak_month::int as PeakMonth,
                   trough_rate as TroughRate, trough_month::int as TroughMonth, valley_depth as ValleyDepth, stable_rate as StableRate,
                   latest_month::int as LatestMonth, phase_now as PhaseNow, warning, valley_threshold as ValleyThreshold
            from adoption_curve_phases
            where {CohortSelection.Where}
            order by cohort_kind = 'organisation' desc, cohort
            """, selection.Parameters).ToList());
        var data = Table(rows);
        if (rows.FirstOrDefault() is { } any)
        {
            var threshold = CohortSelection.Percent(any.ValleyThreshold, CultureInfo.InvariantCulture);
            data.Notes.Add((
                $"Valley depth = fall from the novelty peak (months 1–3) to the lowest month of the valley (months 4–9), relative to the peak. A warning appears above {threshold}.",
                $"Diepte van het dal = daling van de piek (maand 1–3) naar de laagste maand van het dal (maand 4–9), ten opzichte van de piek. Boven {threshold} volgt een waarschuwing."));
        }
        return data;
    }

    public static string PhaseName(string phase, CultureInfo culture) => phase switch
    {
        "novelty" => Lang.T(culture, "Novelty", "Nieuwheidseffect"),
        "valley" => Lang.T(culture, "Valley of disillusionment", "Dal van de ontnuchtering"),
        "stabilisation" => Lang.T(culture, "Stabilisation", "Stabilisatie"),
        _ => phase,
    };

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        var rows = Rows(data);
        if (rows.Count == 0) return null;
        var labels = rows.Select(r => (object)CohortSelection.Label(r.CohortKind, r.Cohort, culture)).ToList();
        var month = Lang.T(culture, "month", "maand");

        // The fall from peak to trough as a grey connector per cohort (null breaks the line between cohorts).
        var connectorX = new List<object?>();
        var connectorY = new List<object?>();
        for (var i = 0; i < rows.Count; i++)
        {
            connectorX.AddRange([rows[i].PeakRate, rows[i].TroughRate, null]);
            connectorY.AddRange([labels[i], labels[i], null]);
        }

        Scatter Points(string name, Func<Row, double?> value, string colour, Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum symbol, Func<Row, string> hover) => new()
        {
            Name = name,
            X = rows.Select(r => (object)value(r)!).ToList(),
            Y = labels,
            Mode = ModeFlag.Markers,
            Marker = new Marker { Color = colour, Size = 14, Symbol = symbol, Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = "#ffffff", Width = 1 } },
            HoverTemplate = "%{y}: %{text}<extra></extra>",
            TextArray = rows.Select(hover).ToList(),
        };

        var traces = new List<ITrace>
        {
            new Scatter
            {
                Name = Lang.T(culture, "Fall from peak", "Daling vanaf piek"), X = connectorX!, Y = connectorY!,
                Mode = ModeFlag.Lines, Line = new Line { Color = "#9aa3ae", Width = 3 }, HoverInfo = HoverInfoFlag.Skip, ShowLegend = false,
            },
            Points(Lang.T(culture, "Novelty peak (months 1–3)", "Piek nieuwheidseffect (maand 1–3)"), r => r.PeakRate, Figures.Palette[0],
                Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.TriangleUp,
                r => Lang.T(culture, $"peak {CohortSelection.Percent(r.PeakRate, culture)} in {month} {r.PeakMonth}", $"piek {CohortSelection.Percent(r.PeakRate, culture)} in {month} {r.PeakMonth}")),
            Points(Lang.T(culture, "Valley trough (months 4–9)", "Dieptepunt dal (maand 4–9)"), r => r.TroughRate, Figures.Bad,
                Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.TriangleDown,
                r => Lang.T(culture, $"trough {CohortSelection.Percent(r.TroughRate, culture)} in {month} {r.TroughMonth}, {CohortSelection.Percent(r.ValleyDepth, culture)} below the peak",
                    $"dieptepunt {CohortSelection.Percent(r.TroughRate, culture)} in {month} {r.TroughMonth}, {CohortSelection.Percent(r.ValleyDepth, culture)} onder de piek")),
            Points(Lang.T(culture, "Stable level (months 10+)", "Stabiel niveau (maand 10+)"), r => r.StableRate, Figures.Good,
                Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Circle,
                r => Lang.T(culture, $"stable {CohortSelection.Percent(r.StableRate, culture)} (mean of months 10+)", $"stabiel {CohortSelection.Percent(r.StableRate, culture)} (gemiddelde maand 10+)")),
            // The depth beside each trough, marked when it crosses the warning threshold (a symbol, not colour alone).
            new Scatter
            {
                Name = Lang.T(culture, "Valley depth", "Diepte dal"), ShowLegend = false, HoverInfo = HoverInfoFlag.Skip,
                X = rows.Select(r => (object)r.TroughRate!).ToList(), Y = labels, Mode = ModeFlag.Text,
                TextPosition = TextPositionEnum.MiddleLeft,
                TextArray = rows.Select(r => (r.ValleyDepth is { } d
                    ? $"{(r.Warning ? "⚠ " : "")}−{CohortSelection.Percent(d, culture)}  " : "")).ToList(),
                TextFont = new TextFont { Color = "#1d2430", Size = 12 },
            },
        };

        var layout = Figures.Layout(culture, xTitle: Lang.T(culture, "Active share of the cohort", "Aandeel actief van het cohort"), height: 130 + 40 * rows.Count);
        layout.Margin = new Plotly.Blazor.LayoutLib.Margin { L = 150, R = 16, T = 40, B = 48 };
        layout.XAxis[0].TickFormat = ".0%";
        layout.XAxis[0].Range = [0, 1.04];
        layout.XAxis[0].DTick = 0.2;
        layout.YAxis[0].AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed;
        layout.YAxis[0].Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Category;
        layout.Legend[0].Y = 1.0m;
        layout.Legend[0].YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Bottom;
        return new Figure(traces, layout);
    }
}
