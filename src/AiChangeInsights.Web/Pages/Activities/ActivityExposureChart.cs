using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using Plotly.Blazor.Traces.ScatterLib.MarkerLib;

namespace AiChangeInsights.Web.Pages.Activities;

/// <summary>
/// The department-months behind one activity type's r: exposure to the activity against adoption (same month or the
/// next, by the lag option), one marker per department-month, with the least-squares line over all of them. The
/// department and period filters choose the points; r and the line stay those of all department-months.
/// </summary>
public sealed class ActivityExposureChart : ChartDefinition
{
    public override string Key => "activity-exposure";
    public override string TitleEn => "Exposure and adoption per department-month";
    public override string TitleNl => "Blootstelling en adoptie per afdelingsmaand";
    public override IReadOnlyList<string> SourceViews => ["activity_exposure_units", "activity_adoption_correlation"];
    public override IReadOnlyList<string> OptionKeys => ["activity", "lag"];

    /// <summary>More departments than this are drawn as one trace (a legend of 40 departments helps nobody).</summary>
    const int MaxDepartmentTraces = 8;

    static readonly SymbolEnum[] Symbols =
        [SymbolEnum.Circle, SymbolEnum.Square, SymbolEnum.Diamond, SymbolEnum.TriangleUp, SymbolEnum.X, SymbolEnum.Cross, SymbolEnum.Star, SymbolEnum.TriangleDown];

    public sealed record Correlation(string ActivityType, string LabelEn, string LabelNl, long NUnits, double? R, double? Slope, double? Intercept);

    public sealed record Unit(string Department, DateOnly Month, long Participants, long TargetGroupPeople, double Exposure, double Adoption);

    /// <summary>The activity types in the order the page offers them (strongest r first), and the chosen one:
    /// the URL's activity when it is one of them, else the one with the strongest positive r.</summary>
    public static (IReadOnlyList<Correlation> Types, Correlation? Chosen) Choose(Warehouse.Warehouse warehouse, IReadOnlyDictionary<string, string> options)
    {
        var lag = ActivityCorrelationChart.Lag(options);
        var types = warehouse.Read(c => c.Query<Correlation>("""
            select activity_type as ActivityType, label_en as LabelEn, label_nl as LabelNl, n_units as NUnits, r as R,
                   slope as Slope, intercept as Intercept
            from activity_adoption_correlation
            where lag_months = $lag
            order by r desc nulls last, activity_type
            """, new { lag }).ToList());
        var wanted = options.TryGetValue("activity", out var v) ? v.Trim() : "";
        return (types, types.FirstOrDefault(t => t.ActivityType == wanted) ?? types.FirstOrDefault());
    }

    public override ChartData Query(ChartRequest request)
    {
        var lag = ActivityCorrelationChart.Lag(request.Options);
        var (_, chosen) = Choose(request.Warehouse, request.Options);
        var adoptionEn = lag == 0 ? "Adoption in the same month" : "Adoption in the next month";
        var adoptionNl = lag == 0 ? "Adoptie in dezelfde maand" : "Adoptie in de volgende maand";
        var columns = new ChartColumn[]
        {
            new("activity_type", "Activity type", "Activiteitstype"),
            new("department", "Department", "Afdeling"),
            new("month", "Month", "Maand", CellFormat.Month),
            new("participants", "Participants", "Deelnemers", CellFormat.Integer),
            new("target_group_people", "Target-group people", "Mensen in de doelgroep", CellFormat.Integer),
            new("exposure", "Exposure (participants / target group)", "Blootstelling (deelnemers / doelgroep)", CellFormat.Percent),
            new("adoption", adoptionEn, adoptionNl, CellFormat.Percent),
            new("trend", "Trend line (all department-months)", "Trendlijn (alle afdelingsmaanden)", CellFormat.Percent),
        };
        if (chosen is null) return new ChartData(columns, []);

        // The outcome column follows the lag; a unit without it (the last month for lag 1) is no point of r either.
        var outcome = lag == 0 ? "adoption" : "adoption_next_month";
        var units = request.Warehouse.Read(c => c.Query<Unit>($"""
            select department, month, participants, target_group_people as TargetGroupPeople, exposure, {outcome} as adoption
            from activity_exposure_units
            where activity_type = $type and {outcome} is not null
              and ($department = 'All' or department = $department) and month between $from and $to
            order by department, month
            """, new
        {
            type = chosen.ActivityType, department = request.Filters.DepartmentOrAll,
            from = request.Filters.FromOrMin, to = request.Filters.ToOrMax,
        }).ToList());

        // The line is the view's least-squares fit (slope, intercept over all units); here only read off at each point.
        double? Trend(double exposure) => chosen.Slope is { } b && chosen.Intercept is { } a ? a + b * exposure : null;
        var data = new ChartData(columns, units.Select(u => new object?[]
        {
            chosen.ActivityType, u.Department, u.Month, u.Participants, u.TargetGroupPeople, u.Exposure, u.Adoption, Trend(u.Exposure),
        }).ToList());

        string R(CultureInfo culture) => chosen.R is { } r ? r.ToString("+0.00;−0.00;0.00", culture) : "–";
        var en = CultureInfo.GetCultureInfo("en-GB");
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        data.Notes.Add(chosen.R is null
            ? ($"{chosen.LabelEn}: no correlation can be computed, because exposure or adoption does not vary over the {chosen.NUnits:N0} department-months.",
               $"{chosen.LabelNl}: er is geen correlatie te berekenen, omdat blootstelling of adoptie niet varieert over de {chosen.NUnits.ToString("N0", nl)} afdelingsmaanden.")
            : ($"{chosen.LabelEn}: r = {R(en)} over n = {chosen.NUnits.ToString("N0", en)} department-months of all departments; the line is their least-squares fit. The department and period filters only choose which points are drawn.",
               $"{chosen.LabelNl}: r = {R(nl)} over n = {chosen.NUnits.ToString("N0", nl)} afdelingsmaanden van alle afdelingen; de lijn is hun kleinste-kwadratenfit. De afdelings- en periodefilter bepalen alleen welke punten getekend worden."));
        return data;
    }

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        if (data.Rows.Count == 0) return null;
        double D(object? v) => Convert.ToDouble(v, CultureInfo.InvariantCulture);
        string Point(object?[] r) => $"{r[1]} · {((DateOnly)r[2]!).ToString("MMM yyyy", culture)}";
        var hover = Lang.T(culture,
            "%{text}<br>exposure %{x:.0%} (%{customdata[0]} of %{customdata[1]} people)<br>adoption %{y:.0%}<extra></extra>",
            "%{text}<br>blootstelling %{x:.0%} (%{customdata[0]} van %{customdata[1]} mensen)<br>adoptie %{y:.0%}<extra></extra>");

        var groups = data.Rows.GroupBy(r => (string)r[1]!).ToList();
        List<(string Name, List<object?[]> Rows)> sets = groups.Count <= MaxDepartmentTraces
            ? groups.Select(g => (g.Key, g.ToList())).ToList()
            : [(Lang.T(culture, "Department-month", "Afdelingsmaand"), data.Rows.ToList())];
        var traces = new List<Plotly.Blazor.ITrace>();
        for (var i = 0; i < sets.Count; i++)
        {
            var group = sets[i];
            traces.Add(new Scatter
            {
                Name = group.Name, Mode = ModeFlag.Markers,
                X = group.Rows.Select(r => (object)D(r[5])).ToList(),
                Y = group.Rows.Select(r => (object)D(r[6])).ToList(),
                TextArray = group.Rows.Select(Point).ToList(),
                CustomData = group.Rows.Select(r => (object)new object?[] { r[3], r[4] }).ToList(),
                HoverTemplate = hover,
                Marker = new Marker
                {
                    Color = Figures.Palette[i % Figures.Palette.Length], Symbol = Symbols[i % Symbols.Length], Size = 9, Opacity = 0.8m,
                    Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = "#ffffff", Width = 0.5m },
                },
            });
        }

        var ends = data.Rows.Where(r => r[7] is not null).OrderBy(r => D(r[5])).ToList();
        if (ends.Count > 0)
            traces.Add(new Scatter
            {
                Name = Lang.T(culture, "Trend line", "Trendlijn"),
                Mode = ModeFlag.Lines,
                X = [D(ends[0][5]), D(ends[^1][5])],
                Y = [D(ends[0][7]), D(ends[^1][7])],
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = "#1d2430", Dash = "dash", Width = 2 },
                HoverTemplate = Lang.T(culture, "trend: %{y:.0%} at exposure %{x:.0%}<extra></extra>", "trend: %{y:.0%} bij blootstelling %{x:.0%}<extra></extra>"),
            });

        var layout = Figures.Layout(culture,
            xTitle: Lang.T(culture, "Exposure: participants as % of the department's target group", "Blootstelling: deelnemers als % van de doelgroep van de afdeling"),
            yTitle: data.Columns[6].Label(culture), yFormat: ".0%", height: 480);
        layout.XAxis[0].TickFormat = ".0%";
        layout.XAxis[0].ZeroLine = false;
        layout.YAxis[0].Range = [-0.04, 1.06];
        layout.Margin = new Plotly.Blazor.LayoutLib.Margin { L = 64, R = 16, T = 16, B = 64 };
        layout.Legend[0].Y = -0.24m;
        layout.Legend[0].YAnchor = Plotly.Blazor.LayoutLib.LegendLib.YAnchorEnum.Top;
        layout.Legend[0].EntryWidthMode = Plotly.Blazor.LayoutLib.LegendLib.EntryWidthModeEnum.Pixels;
        layout.Legend[0].EntryWidth = 125;
        return new Figure(traces, layout);
    }
}
