using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace AiChangeInsights.Web.Pages.Acceptance;

/// <summary>
/// Would people recommend the AI tools to a colleague: the NPS (% 9-10 minus % 0-6, -100..100) per survey wave, for
/// the chosen department beside the whole organisation.
/// </summary>
public sealed class NpsWaveChart : ChartDefinition
{
    public override string Key => "acceptance-nps";
    public override string TitleEn => "Would recommend AI to a colleague: NPS per survey wave";
    public override string TitleNl => "Zou AI aanbevelen aan een collega: NPS per enquêteronde";
    public override IReadOnlyList<string> SourceViews => ["survey_results"];
    public override Access.Role[] Roles => Access.Roles.Acceptance;

    public sealed record Row(string Survey, DateOnly Wave, string Department, long? N, double? Value, bool Suppressed);

    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB"), Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public override ChartData Query(ChartRequest request)
    {
        var rows = request.Warehouse.Read(c => c.Query<Row>("""
            select survey, wave, department, n, value, suppressed
            from survey_results
            where construct = $construct and department in $departments and wave between $from and $to
            order by survey, wave, department
            """, new
        {
            construct = SurveyConstructs.Recommend, departments = SurveyConstructs.Departments(request.Filters),
            from = request.Filters.FromOrMin, to = request.Filters.ToOrMax,
        }).ToList());
        rows = rows.OrderBy(r => r.Survey, StringComparer.Ordinal).ThenBy(r => r.Department == SurveyConstructs.AllDepartments).ThenBy(r => r.Wave).ToList();
        var data = new ChartData(
            [
                new("survey", "Survey", "Enquête"),
                new("wave", "Wave", "Ronde", CellFormat.Month),
                new("department", "Department", "Afdeling"),
                new("n", "Responses", "Reacties", CellFormat.Integer, SuppressedBy: "suppressed"),
                new("value", "NPS (−100…100)", "NPS (−100…100)", CellFormat.Signed, SuppressedBy: "suppressed"),
                new("suppressed", "Hidden", "Verborgen", CellFormat.Boolean),
            ],
            rows.Select(r => new object?[] { r.Survey, r.Wave, r.Department, r.N, r.Value, r.Suppressed }).ToList())
        {
            MinGroupSize = SurveyConstructs.MinGroupSize(request.Warehouse),
        };
        var several = rows.Select(r => r.Survey).Distinct().Count() > 1;
        string Period(Row r, CultureInfo culture) => r.Wave.ToString("MMM yyyy", culture) + (several ? $" ({r.Survey})" : "");
        if (SurveyConstructs.HiddenNote(rows.Select(r => new SurveyConstructs.Cell(r.Department, Period(r, English), Period(r, Dutch), r.Suppressed)), data.MinGroupSize) is { } note)
            data.Notes.Add(note);
        data.Notes.Add(("NPS = % of people answering 9–10 minus % answering 0–6; it runs from −100 to +100, above 0 means more promoters than detractors.",
                        "NPS = % mensen dat 9–10 antwoordt min % dat 0–6 antwoordt; van −100 tot +100, boven 0 betekent meer promotors dan criticasters."));
        return data;
    }

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        if (data.Rows.Count == 0) return null;
        var rows = data.Rows.Select(r => new Row((string)r[0]!, (DateOnly)r[1]!, (string)r[2]!, (long?)r[3], (double?)r[4], (bool)r[5]!)).ToList();
        var waves = rows.Select(r => r.Wave).Distinct().Order().ToList();
        var series = rows.Select(r => (r.Survey, r.Department)).Distinct().ToList();
        // The organisation is drawn as the comparison (thin, dotted) only when the department has something to compare with.
        var compare = rows.Where(r => !r.Suppressed && r.Value is not null).Select(r => r.Department).Distinct().Count() > 1;
        var several = rows.Select(r => r.Survey).Distinct().Count() > 1;
        var surveys = rows.Select(r => r.Survey).Distinct().ToList();

        var traces = new List<Plotly.Blazor.ITrace>();
        foreach (var (survey, department) in series)
        {
            var points = rows.Where(r => r.Survey == survey && r.Department == department && !r.Suppressed && r.Value is not null).ToList();
            if (points.Count == 0) continue;
            var whole = department == SurveyConstructs.AllDepartments;
            var colour = Figures.Palette[(surveys.IndexOf(survey) * 2 + (whole && compare ? 1 : 0)) % Figures.Palette.Length];
            var parts = new List<string>();
            if (several) parts.Add(survey);
            parts.Add(SurveyConstructs.DepartmentName(department, culture));
            traces.Add(new Scatter
            {
                Name = string.Join(" · ", parts),
                X = points.Select(p => (object)p.Wave.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList(),
                Y = points.Select(p => (object)p.Value!.Value).ToList(),
                CustomData = points.Select(p => (object)$"{p.Wave.ToString("MMM yyyy", culture)} (n = {p.N?.ToString("N0", culture)})").ToList(),
                Mode = ModeFlag.Lines | ModeFlag.Markers,
                HoverTemplate = "%{fullData.name}<br>%{customdata}: %{y:+.0f}<extra></extra>",
                Line = new Line { Color = colour, Width = whole && compare ? 1.5m : 3m, Dash = whole && compare ? "dot" : "solid" },
                Marker = new Marker
                {
                    Size = 9,
                    Symbol = whole && compare ? Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.DiamondOpen : Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.Circle,
                },
            });
        }
        var layout = Figures.Layout(culture, yTitle: "NPS", yFormat: "+.0f");
        layout.YAxis[0].Range = [-100, 100];
        layout.YAxis[0].DTick = 25;
        layout.YAxis[0].ZeroLine = true;
        layout.YAxis[0].ZeroLineColor = "#6b7280";
        layout.YAxis[0].ZeroLineWidth = 1.5m;
        // The waves as ticks, named in the reader's language (Plotly's own month names are English only).
        layout.XAxis[0].Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date;
        layout.XAxis[0].TickMode = Plotly.Blazor.LayoutLib.XAxisLib.TickModeEnum.Array;
        layout.XAxis[0].TickVals = waves.Select(w => (object)w.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        layout.XAxis[0].TickText = waves.Select(w => (object)w.ToString("MMM yyyy", culture)).ToList();
        layout.XAxis[0].Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = Lang.T(culture, "Survey wave", "Enquêteronde") };
        if (waves.Count == 1)
            layout.XAxis[0].Range = [waves[0].AddDays(-45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), waves[0].AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
        layout.Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.25m }];
        layout.Margin = new Margin { L = 64, R = 16, T = 24, B = 100 };
        return new Figure(traces, layout);
    }
}
