using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using SymbolEnum = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum;

namespace AiChangeInsights.Web.Pages.Acceptance;

/// <summary>
/// Satisfaction, trust, usefulness, ease of use and competence quarter by quarter (means 1-5), for the chosen
/// department beside the whole organisation; suppressed cells are gaps and named in a note.
/// </summary>
public sealed class AcceptanceTrendChart : ChartDefinition
{
    public override string Key => "acceptance-quarters";
    public override string TitleEn => "How people experience AI, by quarter (1–5)";
    public override string TitleNl => "Hoe medewerkers AI ervaren, per kwartaal (1–5)";
    public override IReadOnlyList<string> SourceViews => ["acceptance_trends_anonymised", "dim_construct"];
    public override Access.Role[] Roles => Access.Roles.Acceptance;

    public sealed record Row(string Quarter, string Department, string Construct, long? N, double? Value, bool Suppressed);

    internal static readonly SymbolEnum[] Symbols = [SymbolEnum.Circle, SymbolEnum.Square, SymbolEnum.Diamond, SymbolEnum.TriangleUp, SymbolEnum.Cross];

    public override ChartData Query(ChartRequest request) => Query(request, SurveyConstructs.Experience, lines: true);

    /// <summary>Constructs by quarter from acceptance_trends_anonymised: the same rows for this chart and the worries/culture one.</summary>
    internal static ChartData Query(ChartRequest request, IReadOnlyList<string> codes, bool lines)
    {
        var constructs = SurveyConstructs.Read(request.Warehouse, codes);
        var (from, to) = SurveyConstructs.QuarterRange(request.Filters);
        var rows = request.Warehouse.Read(c => c.Query<Row>("""
            select quarter, department, construct, n, value, suppressed
            from acceptance_trends_anonymised
            where construct in $constructs and department in $departments and quarter between $from and $to
            order by quarter, department, construct
            """, new { constructs = codes.ToArray(), departments = SurveyConstructs.Departments(request.Filters), from, to }).ToList());
        var order = constructs.Select((k, i) => (k.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var labels = constructs.ToDictionary(k => k.Code);
        rows = rows.Where(r => order.ContainsKey(r.Construct))
            .OrderBy(r => order[r.Construct]).ThenBy(r => r.Department == SurveyConstructs.AllDepartments).ThenBy(r => r.Quarter, StringComparer.Ordinal)
            .ToList();

        var data = new ChartData(
            [
                new("quarter", "Quarter", "Kwartaal"),
                new("department", "Department", "Afdeling"),
                new("label_en", "Question (English)", "Vraag (Engels)"),
                new("label_nl", "Question (Dutch)", "Vraag (Nederlands)"),
                new("n", "Responses", "Reacties", CellFormat.Integer, SuppressedBy: "suppressed"),
                new("value", "Mean (1–5)", "Gemiddelde (1–5)", CellFormat.Number, SuppressedBy: "suppressed"),
                new("suppressed", "Hidden", "Verborgen", CellFormat.Boolean),
            ],
            rows.Select(r => new object?[] { r.Quarter, r.Department, labels[r.Construct].LabelEn, labels[r.Construct].LabelNl, r.N, r.Value, r.Suppressed }).ToList())
        {
            MinGroupSize = SurveyConstructs.MinGroupSize(request.Warehouse),
        };
        if (SurveyConstructs.HiddenNote(rows.Select(r => new SurveyConstructs.Cell(r.Department, r.Quarter, r.Quarter, r.Suppressed)), data.MinGroupSize) is { } note)
            data.Notes.Add(note);
        if (lines && rows.Count > 0)
        {
            var present = rows.Select(r => r.Quarter).ToHashSet();
            var missing = SurveyConstructs.QuartersBetween(rows.Min(r => r.Quarter)!, rows.Max(r => r.Quarter)!).Where(q => !present.Contains(q)).ToList();
            if (missing.Count > 0)
                data.Notes.Add(($"No survey answers in {string.Join(", ", missing)}: the lines break there.",
                                $"Geen enquêteantwoorden in {string.Join(", ", missing)}: daar zijn de lijnen onderbroken."));
        }
        return data;
    }

    public override Figure? Draw(ChartData data, CultureInfo culture) => DrawLines(data, culture);

    internal static Figure? DrawLines(ChartData data, CultureInfo culture)
    {
        if (data.Rows.Count == 0) return null;
        // The construct is known by its English label here: the data (and so the table and exports) carry labels, not codes.
        var rows = data.Rows.Select(r => new Row((string)r[0]!, (string)r[1]!, (string)r[2]!, (long?)r[4], (double?)r[5], (bool)r[6]!)).ToList();
        var quarters = SurveyConstructs.QuartersBetween(rows.Min(r => r.Quarter)!, rows.Max(r => r.Quarter)!);
        var constructs = data.Rows.Select(r => ((string)r[2]!, Lang.T(culture, (string)r[2]!, (string)r[3]!))).Distinct().ToList();
        var departments = rows.Select(r => r.Department).Distinct().OrderBy(d => d == SurveyConstructs.AllDepartments).ToList();
        var named = departments.Count > 1;
        // The organisation is drawn as the comparison (thin, dotted) only when the department has something to compare with.
        var compare = rows.Where(r => !r.Suppressed && r.Value is not null).Select(r => r.Department).Distinct().Count() > 1;

        var traces = new List<Plotly.Blazor.ITrace>();
        for (var i = 0; i < constructs.Count; i++)
        {
            var (code, label) = constructs[i];
            foreach (var department in departments)
            {
                var cells = rows.Where(r => r.Construct == code && r.Department == department).ToDictionary(r => r.Quarter);
                var y = quarters.Select(q => cells.TryGetValue(q, out var c) && !c.Suppressed ? (object?)c.Value : null).ToList();
                if (y.All(v => v is null)) continue; // wholly hidden: named in the note, not drawn as an empty legend entry
                var whole = department == SurveyConstructs.AllDepartments;
                var name = named ? $"{label} · {SurveyConstructs.DepartmentName(department, culture)}" : label;
                traces.Add(new Scatter
                {
                    Name = name,
                    LegendGroup = code,
                    X = quarters.Cast<object>().ToList(),
                    Y = y!,
                    CustomData = quarters.Select(q => cells.TryGetValue(q, out var c) && c.N is { } n ? (object)n : "").ToList(),
                    Mode = ModeFlag.Lines | ModeFlag.Markers,
                    ConnectGaps = false,
                    HoverTemplate = "%{fullData.name}<br>%{x}: %{y:.2f} (n = %{customdata})<extra></extra>",
                    Line = new Line { Color = Figures.Palette[i % Figures.Palette.Length], Width = compare && whole ? 1.5m : 3m, Dash = compare && whole ? "dot" : "solid" },
                    Marker = new Marker { Symbol = compare && whole ? Open(Symbols[i % Symbols.Length]) : Symbols[i % Symbols.Length], Size = 9 },
                });
            }
        }
        var layout = Figures.Layout(culture, yTitle: Lang.T(culture, "Mean (1 = low, 5 = high)", "Gemiddelde (1 = laag, 5 = hoog)"), yFormat: ".1f", height: 420);
        layout.YAxis[0].Range = [1, 5];
        layout.YAxis[0].DTick = 1;
        layout.XAxis[0].Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category;
        layout.XAxis[0].Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = Lang.T(culture, "Quarter", "Kwartaal") };
        layout.Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.25m }];
        layout.Margin = new Margin { L = 64, R = 16, T = 24, B = named ? 130 : 100 };
        return new Figure(traces, layout);
    }

    internal static SymbolEnum Open(SymbolEnum symbol) => symbol switch
    {
        SymbolEnum.Circle => SymbolEnum.CircleOpen,
        SymbolEnum.Square => SymbolEnum.SquareOpen,
        SymbolEnum.Diamond => SymbolEnum.DiamondOpen,
        SymbolEnum.TriangleUp => SymbolEnum.TriangleUpOpen,
        SymbolEnum.Cross => SymbolEnum.CrossOpen,
        _ => symbol,
    };
}
