using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;

namespace AiChangeInsights.Web.Pages.People;

/// <summary>
/// The four resistance types among the latest survey wave's resistant respondents, beside the seed's 37/24/22/17 %.
/// A type with too few respondents is suppressed in SQL: left out of the chart, "fewer than N responses" in the table.
/// </summary>
public sealed class ResistanceTypesChart : ChartDefinition
{
    public override string Key => "resistance-types";
    public override string TitleEn => "Resistance types among resistant respondents, beside the benchmark";
    public override string TitleNl => "Weerstandstypen onder respondenten met weerstand, naast de benchmark";
    public override IReadOnlyList<string> SourceViews => ["resistance_distribution"];

    public sealed record Row(string Type, string NameEn, string NameNl, string CoreConcernEn, string CoreConcernNl, long? Respondents, double? Share,
        double BenchmarkShare, string RecommendedApproachEn, string RecommendedApproachNl, bool Suppressed, DateOnly? Wave);

    public override ChartData Query(ChartRequest request)
    {
        var rows = request.Warehouse.Read(c => c.Query<Row>("""
            select type, name_en as NameEn, name_nl as NameNl, core_concern_en as CoreConcernEn, core_concern_nl as CoreConcernNl,
                   respondents, share, benchmark_share as BenchmarkShare, recommended_approach_en as RecommendedApproachEn,
                   recommended_approach_nl as RecommendedApproachNl, suppressed, wave
            from resistance_distribution
            order by benchmark_share desc, type
            """).ToList());
        var minGroup = request.Warehouse.Read(c => c.ExecuteScalar<int>("select min_group_size from dim_organisation"));
        var data = new ChartData(
            [
                new("type", "Type", "Type"),
                new("name_en", "Type (English)", "Type (Engels)"),
                new("name_nl", "Type (Dutch)", "Type (Nederlands)"),
                new("respondents", "Respondents", "Respondenten", CellFormat.Integer, SuppressedBy: "suppressed"),
                new("share", "Share", "Aandeel", CellFormat.Percent, SuppressedBy: "suppressed"),
                new("benchmark_share", "Benchmark", "Benchmark", CellFormat.Percent),
                new("wave", "Survey wave", "Enquêteronde", CellFormat.Month),
                new("suppressed", "Suppressed", "Onderdrukt", CellFormat.Boolean),
                new("core_concern_en", "Core concern (English)", "Kernzorg (Engels)"),
                new("core_concern_nl", "Core concern (Dutch)", "Kernzorg (Nederlands)"),
                new("recommended_approach_en", "Recommended approach (English)", "Aanbevolen aanpak (Engels)"),
                new("recommended_approach_nl", "Recommended approach (Dutch)", "Aanbevolen aanpak (Nederlands)"),
            ],
            rows.Select(r => new object?[]
            {
                r.Type, r.NameEn, r.NameNl, r.Respondents, r.Share, r.BenchmarkShare, r.Wave, r.Suppressed,
                r.CoreConcernEn, r.CoreConcernNl, r.RecommendedApproachEn, r.RecommendedApproachNl,
            }).ToList())
        {
            MinGroupSize = minGroup,
        };
        var hidden = rows.Where(r => r.Suppressed).ToList();
        if (hidden.Count > 0)
            data.Notes.Add((
                $"Not shown, fewer than {minGroup} responses (or hidden so that they cannot be worked out from the others): {string.Join(", ", hidden.Select(r => r.NameEn))}.",
                $"Niet getoond, minder dan {minGroup} reacties (of verborgen zodat ze niet uit de andere af te leiden zijn): {string.Join(", ", hidden.Select(r => r.NameNl))}."));
        return data;
    }

    /// <summary>A long name on two lines, broken at the space nearest its middle: the Dutch names are long
    /// ("De competentiebezorgde") and must not be tilted into the legend.</summary>
    static string TwoLines(string name)
    {
        if (name.Length <= 14) return name;
        var spaces = name.Select((c, i) => (c, i)).Where(x => x.c == ' ').Select(x => x.i).ToList();
        if (spaces.Count == 0) return name;
        var middle = spaces.MinBy(i => Math.Abs(i - name.Length / 2));
        return name[..middle] + "<br>" + name[(middle + 1)..];
    }

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        if (data.Rows.Count == 0) return null;
        var dutch = Lang.IsDutch(culture);
        var types = data.Rows.Select(r => (object)TwoLines((string)r[dutch ? 2 : 1]!)).ToList();
        string Pct(object? v) => v is null ? "" : Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("P0", culture);
        string Ours(object?[] r) => r[7] is true
            ? Lang.T(culture, $"fewer than {data.MinGroupSize}", $"minder dan {data.MinGroupSize}")
            : $"{Pct(r[4])} ({Convert.ToInt64(r[3], CultureInfo.InvariantCulture).ToString("N0", culture)})";

        var layout = Figures.Layout(culture, yTitle: Lang.T(culture, "Share of resistant respondents", "Aandeel met weerstand"), yFormat: ".0%", height: 400);
        layout.BarMode = BarModeEnum.Group;
        layout.YAxis[0].Range = [0, Math.Max(0.5, data.Rows.Max(r => Math.Max(Convert.ToDouble(r[4] ?? 0.0, CultureInfo.InvariantCulture), Convert.ToDouble(r[5], CultureInfo.InvariantCulture))) + 0.08)];
        layout.Margin = new Margin { L = 64, R = 16, T = 16, B = 90 };
        layout.XAxis[0].TickAngle = 0;
        layout.Legend[0].Y = -0.28m;
        return new Figure(
        [
            new Bar
            {
                Name = Lang.T(culture, "Our respondents (latest wave)", "Onze respondenten (laatste ronde)"), X = types,
                // A suppressed type has no value: no bar, and its label says why (never a 0).
                Y = data.Rows.Select(r => r[7] is true ? null : r[4]).ToList(),
                Marker = new Marker { Color = Figures.Palette[0] },
                TextArray = data.Rows.Select(Ours).ToList(), TextPosition = TextPositionEnum.Outside,
                HoverTemplate = Lang.T(culture, "%{x}: %{y:.0%}<extra></extra>", "%{x}: %{y:.0%}<extra></extra>"),
            },
            new Bar
            {
                Name = Lang.T(culture, "Benchmark from research (37/24/22/17%)", "Benchmark uit onderzoek (37/24/22/17%)"), X = types,
                Y = data.Rows.Select(r => r[5]).ToList(),
                Marker = new Marker { Color = Figures.Benchmark, Pattern = new Plotly.Blazor.Traces.BarLib.MarkerLib.Pattern { Shape = Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum.Slash, BgColor = Figures.Benchmark, FgColor = "#ffffff", Size = 7, Solidity = 0.25m } },
                TextArray = data.Rows.Select(r => Pct(r[5])).ToList(), TextPosition = TextPositionEnum.Outside,
                HoverTemplate = Lang.T(culture, "%{x}, benchmark: %{y:.0%}<extra></extra>", "%{x}, benchmark: %{y:.0%}<extra></extra>"),
            },
        ], layout);
    }
}
