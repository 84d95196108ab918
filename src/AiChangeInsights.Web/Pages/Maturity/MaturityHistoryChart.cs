using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;
using Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib;

namespace AiChangeInsights.Web.Pages.Maturity;

/// <summary>Is the organisation climbing the ladder? Departments per stage at every assessment round (period filter).</summary>
public sealed class MaturityHistoryChart : ChartDefinition
{
    public override string Key => "maturity-history";
    public override string TitleEn => "Departments per stage at every assessment";
    public override string TitleNl => "Afdelingen per stap bij elke meting";
    public override IReadOnlyList<string> SourceViews => ["maturity_stage_history"];

    /// <summary>A pattern per stage besides its colour, so that the stack reads without colour too.</summary>
    static readonly ShapeEnum[] Patterns = [ShapeEnum.Empty, ShapeEnum.Slash, ShapeEnum.Dot, ShapeEnum.Backslash, ShapeEnum.X];

    public sealed record Row(DateOnly Month, int Stage, string NameEn, string NameNl, long Units, double? Share, string? Departments);

    public override ChartData Query(ChartRequest request)
    {
        var rows = request.Warehouse.Read(c => c.Query<Row>("""
            select month, stage, name_en as NameEn, name_nl as NameNl, units, share, departments
            from maturity_stage_history
            where month between $from and $to
            order by month, stage
            """, new { from = request.Filters.FromOrMin, to = request.Filters.ToOrMax }).ToList());
        return new ChartData(
            [
                new("month", "Assessment", "Meting", CellFormat.Month),
                new("stage", "Stage", "Stap", CellFormat.Integer),
                new("name_en", "Stage (English)", "Stap (Engels)"),
                new("name_nl", "Stage (Dutch)", "Stap (Nederlands)"),
                new("units", "Departments", "Afdelingen", CellFormat.Integer),
                new("share", "Share of departments", "Aandeel afdelingen", CellFormat.Percent),
                new("departments", "Which departments", "Welke afdelingen"),
            ],
            rows.Select(r => new object?[] { r.Month, r.Stage, r.NameEn, r.NameNl, r.Units, r.Share, r.Departments }).ToList());
    }

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        if (data.Rows.Count == 0) return null;
        var dutch = Lang.IsDutch(culture);
        // Stage colours from light to dark blue-green would say "order"; Okabe-Ito keeps them apart for every reader.
        string[] colours = [Figures.Palette[5], Figures.Palette[1], Figures.Palette[6], Figures.Palette[2], Figures.Palette[0]];
        static string Wrap(string? names)
        {
            if (string.IsNullOrEmpty(names)) return "";
            var parts = names.Split(", ");
            return string.Join("<br>", parts.Chunk(4).Select(c => string.Join(", ", c)));
        }
        var traces = data.Rows.GroupBy(r => Convert.ToInt32(r[1], CultureInfo.InvariantCulture)).OrderBy(g => g.Key).Select(g =>
        {
            var rows = g.ToList();
            var colour = colours[(g.Key - 1) % colours.Length];
            var ink = colour is "#E69F00" or "#F0E442" ? "#1d2430" : "#ffffff"; // readable on the light and the dark stages
            var name = $"{g.Key} · {(string)rows[0][dutch ? 3 : 2]!}";
            return (Plotly.Blazor.ITrace)new Bar
            {
                Name = name,
                X = rows.Select(r => (object)((DateOnly)r[0]!).ToString("MMM yyyy", culture)).ToList(),
                Y = rows.Select(r => r[4]).ToList(),
                TextArray = rows.Select(r => (Convert.ToInt64(r[4], CultureInfo.InvariantCulture) is var n && n > 0 ? n.ToString("N0", culture) : "")).ToList(),
                TextPosition = TextPositionEnum.Inside,
                InsideTextAnchor = InsideTextAnchorEnum.Middle,
                InsideTextFont = new Plotly.Blazor.Traces.BarLib.InsideTextFont { Color = ink, Size = 13 },
                Marker = new Marker
                {
                    Color = colour,
                    Pattern = new Plotly.Blazor.Traces.BarLib.MarkerLib.Pattern
                    {
                        Shape = Patterns[(g.Key - 1) % Patterns.Length], BgColor = colour, FgColor = "#ffffff", FgOpacity = 0.35m, Size = 9, Solidity = 0.15m,
                    },
                },
                CustomData = rows.Select(r => (object)Wrap((string?)r[6])).ToList(),
                HoverTemplate = $"%{{x}} · {name}: %{{y}}<br>%{{customdata}}<extra></extra>",
            };
        }).ToList();

        var layout = Figures.Layout(culture, yTitle: Lang.T(culture, "Departments", "Afdelingen"), height: 400);
        layout.BarMode = BarModeEnum.Stack;
        layout.XAxis[0].Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category;
        layout.YAxis[0].TickFormat = ",d";
        layout.Margin = new Margin { L = 64, R = 16, T = 16, B = 90 };
        layout.Legend[0].Y = -0.2m;
        return new Figure(traces, layout);
    }
}
