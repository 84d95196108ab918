using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;

namespace AiChangeInsights.Web.Pages.Activities;

/// <summary>
/// Which change activities go together with adoption: Pearson r of exposure and adoption over the department-months,
/// per activity type, with its 95% interval and n. Organisation-wide; the lag (0 or 1 month) is the page's option.
/// </summary>
public sealed class ActivityCorrelationChart : ChartDefinition
{
    public override string Key => "activity-correlation";
    public override string TitleEn => "Correlation of each activity with adoption (r, 95% interval)";
    public override string TitleNl => "Correlatie van elke activiteit met adoptie (r, 95%-interval)";
    public override IReadOnlyList<string> SourceViews => ["activity_adoption_correlation"];
    public override IReadOnlyList<string> OptionKeys => ["lag"];

    public sealed record Row(string ActivityType, string LabelEn, string LabelNl, int LagMonths, long NUnits, double? R, double? CiLow, double? CiHigh);

    /// <summary>The lag option: 0 (same month, the default) or 1 (adoption the month after).</summary>
    public static int Lag(IReadOnlyDictionary<string, string> options) =>
        options.TryGetValue("lag", out var v) && v.Trim() == "1" ? 1 : 0;

    public override ChartData Query(ChartRequest request)
    {
        var rows = request.Warehouse.Read(c => c.Query<Row>("""
            select activity_type as ActivityType, label_en as LabelEn, label_nl as LabelNl, lag_months as LagMonths,
                   n_units as NUnits, r as R, ci_low as CiLow, ci_high as CiHigh
            from activity_adoption_correlation
            where lag_months = $lag
            order by r desc nulls last, activity_type
            """, new { lag = Lag(request.Options) }).ToList());
        var data = new ChartData(
            [
                new("activity_type", "Activity type", "Activiteitstype"),
                new("label_en", "Activity (English)", "Activiteit (Engels)"),
                new("label_nl", "Activity (Dutch)", "Activiteit (Nederlands)"),
                new("lag_months", "Lag (months)", "Vertraging (maanden)", CellFormat.Integer),
                new("n_units", "n (department-months)", "n (afdelingsmaanden)", CellFormat.Integer),
                new("r", "r", "r", CellFormat.Coefficient),
                new("ci_low", "95% interval from", "95%-interval van", CellFormat.Coefficient),
                new("ci_high", "95% interval to", "95%-interval tot", CellFormat.Coefficient),
            ],
            rows.Select(r => new object?[] { r.ActivityType, r.LabelEn, r.LabelNl, r.LagMonths, r.NUnits, r.R, r.CiLow, r.CiHigh }).ToList());
        data.Notes.Add((
            "Correlation is not causation: r says how closely a department's exposure to the activity and its adoption move together over the department-months (n), not that the activity caused the adoption.",
            "Correlatie is geen causaliteit: r zegt hoe sterk de blootstelling van een afdeling aan de activiteit en haar adoptie samen bewegen over de afdelingsmaanden (n), niet dat de activiteit de adoptie veroorzaakte."));
        data.Notes.Add((
            "Dark bars: the 95% interval lies entirely on one side of 0, a clear association. Light bars, marked 'uncertain': the interval includes 0, so the association may be chance.",
            "Donkere balken: het 95%-interval ligt helemaal aan één kant van 0, een duidelijke samenhang. Lichte balken, gemarkeerd 'onzeker': het interval omvat 0, dus de samenhang kan toeval zijn."));
        var undefined = rows.Where(r => r.R is null).ToList();
        if (undefined.Count > 0)
            data.Notes.Add((
                $"No r for {string.Join(", ", undefined.Select(r => r.LabelEn))}: exposure (or adoption) is the same in every department-month, e.g. an activity held only before go-live.",
                $"Geen r voor {string.Join(", ", undefined.Select(r => r.LabelNl))}: de blootstelling (of adoptie) is in elke afdelingsmaand gelijk, bijvoorbeeld een activiteit die alleen voor de livegang plaatsvond."));
        return data;
    }

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        if (data.Rows.Count == 0) return null;
        var dutch = Lang.IsDutch(culture);
        // Plotly draws the first category at the bottom: reverse so that the strongest r is on top.
        var rows = data.Rows.Reverse().ToList();
        string Label(object?[] r) => (string)r[dutch ? 2 : 1]!;
        double? Value(object?[] r, int i) => r[i] is null ? null : Convert.ToDouble(r[i], CultureInfo.InvariantCulture);
        var labels = rows.Select(r => (object)Label(r)).ToList();
        var values = rows.Select(r => (object?)Value(r, 5)).ToList();
        var n = rows.Select(r => Convert.ToInt64(r[4], CultureInfo.InvariantCulture)).ToList();

        // Colour says the sign and whether the interval excludes 0; the words in the right-hand column say it too.
        string Colour(object?[] r) => Value(r, 5) switch
        {
            null => Figures.Neutral,
            var v when Value(r, 6) is { } lo && Value(r, 7) is { } hi && (lo > 0 || hi < 0) => v > 0 ? Figures.Palette[0] : Figures.Bad,
            var v => v > 0 ? "#8fbfdf" : "#ecb48f",
        };
        string Verdict(object?[] r)
        {
            if (Value(r, 5) is not { } v) return Lang.T(culture, "no r", "geen r");
            var interval = Value(r, 6) is { } lo && Value(r, 7) is { } hi
                ? $"[{lo.ToString("0.00;−0.00", culture)}; {hi.ToString("0.00;−0.00", culture)}]" : "";
            var clear = Value(r, 6) is { } l && Value(r, 7) is { } h && (l > 0 || h < 0);
            var word = clear ? "" : Lang.T(culture, " uncertain", " onzeker");
            return $"<b>{v.ToString("+0.00;−0.00;0.00", culture)}</b> {interval}{word}";
        }

        // n is the same for every type (all department-months since go-live): say it once, on the axis; else per row.
        var sameN = n.Distinct().Count() == 1;
        var nText = n[0].ToString("N0", culture);
        var layout = Figures.Layout(culture, height: 100 + 34 * rows.Count, xTitle: sameN
            ? Lang.T(culture, $"Pearson r (−1 … +1) over n = {nText} department-months", $"Pearson r (−1 … +1) over n = {nText} afdelingsmaanden")
            : Lang.T(culture, "Pearson r (−1 … +1)", "Pearson r (−1 … +1)"));
        layout.Margin = new Margin { L = 16, R = sameN ? 200 : 250, T = 16, B = 52 };
        layout.ShowLegend = false;
        layout.XAxis[0].Range = [-1.05, 1.05];
        layout.XAxis[0].TickFormat = ".1f";
        layout.XAxis[0].ZeroLineColor = "#1d2430";
        layout.XAxis[0].ZeroLineWidth = 1.5m;
        layout.YAxis[0].AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True;
        layout.YAxis[0].TickFormat = null;
        layout.YAxis[0].Title = null;
        layout.Annotations = rows.Select(r => new Annotation
        {
            XRef = "paper", X = 1.01m, XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left,
            YRef = "y", Y = Label(r), ShowArrow = false, Align = Plotly.Blazor.LayoutLib.AnnotationLib.AlignEnum.Left,
            Text = sameN ? Verdict(r) : $"{Verdict(r)} · n = {Convert.ToInt64(r[4], CultureInfo.InvariantCulture).ToString("N0", culture)}",
            Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 12, Color = "#1d2430" },
        }).ToList();

        return new Figure(
        [
            new Bar
            {
                Name = "r", Orientation = OrientationEnum.H, Y = labels, X = values,
                Marker = new Marker { ColorArray = rows.Select(r => (object)Colour(r)).ToList() },
                ErrorX = new ErrorX
                {
                    Type = Plotly.Blazor.Traces.BarLib.ErrorXLib.TypeEnum.Data, Symmetric = false,
                    Array = rows.Select(r => (object?)(Value(r, 7) is { } hi && Value(r, 5) is { } v ? hi - v : null)).ToList(),
                    ArrayMinus = rows.Select(r => (object?)(Value(r, 6) is { } lo && Value(r, 5) is { } v ? v - lo : null)).ToList(),
                    Color = "#1d2430", Thickness = 1.4m, Width = 5,
                },
                CustomData = rows.Select((r, i) => (object)new object?[] { Value(r, 6), Value(r, 7), n[i] }).ToList(),
                HoverTemplate = Lang.T(culture,
                    "%{y}<br>r = %{x:+.2f}<br>95% interval %{customdata[0]:.2f} to %{customdata[1]:.2f}<br>n = %{customdata[2]:,} department-months<extra></extra>",
                    "%{y}<br>r = %{x:+.2f}<br>95%-interval %{customdata[0]:.2f} tot %{customdata[1]:.2f}<br>n = %{customdata[2]:,} afdelingsmaanden<extra></extra>"),
            },
        ], layout);
    }
}
