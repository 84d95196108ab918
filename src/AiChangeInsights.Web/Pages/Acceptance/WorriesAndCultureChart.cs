using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Text;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using SymbolEnum = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum;

namespace AiChangeInsights.Web.Pages.Acceptance;

/// <summary>
/// The four worries of the seed's resistance types and the culture constructs (means 1-5): the first and the latest
/// quarter of the period side by side, for the chosen department and, beside it, the whole organisation's latest
/// quarter. Every quarter is in the data table and the downloads.
/// </summary>
public sealed class WorriesAndCultureChart : ChartDefinition
{
    public override string Key => "acceptance-worries-culture";
    public override string TitleEn => "Worries and culture: first and latest quarter (1–5)";
    public override string TitleNl => "Zorgen en cultuur: eerste en laatste kwartaal (1–5)";
    public override IReadOnlyList<string> SourceViews => ["acceptance_trends_anonymised", "dim_construct"];
    public override Access.Role[] Roles => Access.Roles.Acceptance;

    public override ChartData Query(ChartRequest request)
    {
        var data = AcceptanceTrendChart.Query(request, [.. SurveyConstructs.Worries, .. SurveyConstructs.Culture], lines: false);
        data.Notes.Add(("For the worries a higher score means more worry (5 = strongly agree with the worry); for culture a higher score is better.",
                        "Bij de zorgen betekent een hogere score meer zorg (5 = helemaal eens met de zorg); bij cultuur is hoger beter."));
        return data;
    }

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        if (data.Rows.Count == 0) return null;
        var rows = data.Rows.Select(r => (Quarter: (string)r[0]!, Department: (string)r[1]!, Construct: (string)r[2]!,
            Label: Lang.T(culture, (string)r[2]!, (string)r[3]!), N: (long?)r[4], Value: (double?)r[5], Suppressed: (bool)r[6]!)).ToList();
        var labels = rows.Select(r => (r.Construct, r.Label)).Distinct().ToList();
        var departments = rows.Select(r => r.Department).Distinct().OrderBy(d => d == SurveyConstructs.AllDepartments).ToList();
        var primary = departments[0];
        var first = rows.Min(r => r.Quarter)!;
        var latest = rows.Max(r => r.Quarter)!;

        var series = new List<(string Department, string Quarter, string Colour, SymbolEnum Symbol)>();
        if (first != latest) series.Add((primary, first, Figures.Palette[4], SymbolEnum.CircleOpen));
        series.Add((primary, latest, Figures.Palette[0], SymbolEnum.Circle));
        if (primary != SurveyConstructs.AllDepartments) series.Add((SurveyConstructs.AllDepartments, latest, Figures.Palette[1], SymbolEnum.DiamondOpen));

        var traces = new List<Plotly.Blazor.ITrace>();
        foreach (var (department, quarter, colour, symbol) in series)
        {
            var cells = rows.Where(r => r.Department == department && r.Quarter == quarter && !r.Suppressed && r.Value is not null).ToDictionary(r => r.Construct);
            if (cells.Count == 0) continue;
            var shown = labels.Where(l => cells.ContainsKey(l.Construct)).ToList();
            traces.Add(new Scatter
            {
                Name = $"{SurveyConstructs.DepartmentName(department, culture)} · {quarter}",
                X = shown.Select(l => (object)cells[l.Construct].Value!.Value).ToList(),
                Y = shown.Select(l => (object)l.Label).ToList(),
                CustomData = shown.Select(l => (object)(cells[l.Construct].N?.ToString("N0", culture) ?? "")).ToList(),
                Mode = ModeFlag.Markers,
                HoverTemplate = "%{fullData.name}<br>%{y}: %{x:.2f} (n = %{customdata})<extra></extra>",
                Marker = new Marker { Color = colour, Symbol = symbol, Size = 12, Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Color = colour, Width = 2 } },
            });
        }
        var layout = Figures.Layout(culture, xTitle: Lang.T(culture, "Mean (1 = low, 5 = high)", "Gemiddelde (1 = laag, 5 = hoog)"), height: 460);
        layout.XAxis[0].Range = [1, 5];
        layout.XAxis[0].DTick = 1;
        layout.XAxis[0].TickFormat = ".0f";
        layout.YAxis[0].Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Category;
        layout.YAxis[0].CategoryOrder = Plotly.Blazor.LayoutLib.YAxisLib.CategoryOrderEnum.Array;
        layout.YAxis[0].CategoryArray = labels.Select(l => (object)l.Label).ToList();
        layout.YAxis[0].AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed;
        layout.YAxis[0].AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True;
        layout.Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.18m }];
        layout.Margin = new Margin { L = 16, R = 16, T = 24, B = 90 };
        return new Figure(traces, layout);
    }
}
