using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;

namespace AiChangeInsights.Web.Pages.Maturity;

/// <summary>
/// The organisation on the seed's five-stage maturity ladder: the share of departments per stage at their latest
/// assessment, beside the benchmark of more than 300 SMEs (Fraunhofer IAO 2025: 47/28/19/5/1 %).
/// </summary>
public sealed class MaturityDistributionChart : ChartDefinition
{
    public override string Key => "maturity-distribution";
    public override string TitleEn => "Departments per maturity stage, beside the SME benchmark";
    public override string TitleNl => "Afdelingen per volwassenheidsstap, naast de mkb-benchmark";
    public override IReadOnlyList<string> SourceViews => ["maturity_distribution"];

    public sealed record Row(int Stage, string NameEn, string NameNl, string DescriptionEn, string DescriptionNl, long Units, double? Share,
        double BenchmarkShare, DateOnly? LatestAssessedAt);

    public override ChartData Query(ChartRequest request)
    {
        var rows = request.Warehouse.Read(c => c.Query<Row>("""
            select stage, name_en as NameEn, name_nl as NameNl, description_en as DescriptionEn, description_nl as DescriptionNl,
                   units, share, benchmark_share as BenchmarkShare, latest_assessed_at as LatestAssessedAt
            from maturity_distribution
            order by stage
            """).ToList());
        return new ChartData(
            [
                new("stage", "Stage", "Stap", CellFormat.Integer),
                new("name_en", "Stage (English)", "Stap (Engels)"),
                new("name_nl", "Stage (Dutch)", "Stap (Nederlands)"),
                new("units", "Departments", "Afdelingen", CellFormat.Integer),
                new("share", "Share of departments", "Aandeel afdelingen", CellFormat.Percent),
                new("benchmark_share", "Benchmark (300+ SMEs)", "Benchmark (300+ mkb-bedrijven)", CellFormat.Percent),
                new("latest_assessed_at", "Latest assessment", "Laatste meting", CellFormat.Date),
                new("description_en", "What it means (English)", "Betekenis (Engels)"),
                new("description_nl", "What it means (Dutch)", "Betekenis (Nederlands)"),
            ],
            rows.Select(r => new object?[]
            {
                r.Stage, r.NameEn, r.NameNl, r.Units, r.Share, r.BenchmarkShare, r.LatestAssessedAt,
                r.DescriptionEn, r.DescriptionNl,
            }).ToList());
    }

    /// <summary>"Stage 2" over the stage's name, for a category axis.</summary>
    public static string StageLabel(int stage, string name, CultureInfo culture) =>
        $"<b>{Lang.T(culture, "Stage", "Stap")} {stage}</b><br>{name.Replace(" ", "<br>")}";

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        if (data.Rows.Count == 0) return null;
        var dutch = Lang.IsDutch(culture);
        var stages = data.Rows.Select(r => (object)StageLabel(Convert.ToInt32(r[0], CultureInfo.InvariantCulture), (string)r[dutch ? 2 : 1]!, culture)).ToList();
        string Pct(object? v) => v is null ? "" : Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("P0", culture);
        string Ours(object?[] r) => r[4] is null ? "" : $"{Pct(r[4])} ({Convert.ToInt64(r[3], CultureInfo.InvariantCulture).ToString("N0", culture)})";

        var layout = Figures.Layout(culture, yTitle: Lang.T(culture, "Share of departments", "Aandeel afdelingen"), yFormat: ".0%", height: 400);
        layout.BarMode = BarModeEnum.Group;
        layout.YAxis[0].Range = [0, Math.Max(0.6, data.Rows.Max(r => Math.Max(Convert.ToDouble(r[4] ?? 0.0, CultureInfo.InvariantCulture), Convert.ToDouble(r[5], CultureInfo.InvariantCulture))) + 0.1)];
        layout.Margin = new Margin { L = 64, R = 16, T = 16, B = 100 };
        layout.XAxis[0].TickAngle = 0;
        layout.Legend[0].Y = -0.32m;
        return new Figure(
        [
            new Bar
            {
                Name = Lang.T(culture, "Our departments", "Onze afdelingen"), X = stages, Y = data.Rows.Select(r => r[4]).ToList(),
                Marker = new Marker { Color = Figures.Palette[0] },
                TextArray = data.Rows.Select(Ours).ToList(), TextPosition = TextPositionEnum.Outside,
                CustomData = data.Rows.Select(r => r[3]).ToList(),
                HoverTemplate = Lang.T(culture, "%{x}<br>%{y:.0%} of departments (%{customdata})<extra></extra>", "%{x}<br>%{y:.0%} van de afdelingen (%{customdata})<extra></extra>"),
            },
            new Bar
            {
                Name = Lang.T(culture, "Benchmark: 300+ SMEs (Fraunhofer IAO 2025)", "Benchmark: 300+ mkb-bedrijven (Fraunhofer IAO 2025)"), X = stages,
                Y = data.Rows.Select(r => r[5]).ToList(),
                Marker = new Marker { Color = Figures.Benchmark, Pattern = new Plotly.Blazor.Traces.BarLib.MarkerLib.Pattern { Shape = Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum.Slash, BgColor = Figures.Benchmark, FgColor = "#ffffff", Size = 7, Solidity = 0.25m } },
                TextArray = data.Rows.Select(r => Pct(r[5])).ToList(), TextPosition = TextPositionEnum.Outside,
                HoverTemplate = Lang.T(culture, "%{x}<br>benchmark %{y:.0%}<extra></extra>", "%{x}<br>benchmark %{y:.0%}<extra></extra>"),
            },
        ], layout);
    }
}
