using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;

namespace AiChangeInsights.Web.Pages.Activities;

/// <summary>
/// The leadership effect: employees' adoption in departments whose managers use AI themselves, and in the others,
/// beside the seed's 34 % → 62 %. Organisation-wide.
/// </summary>
public sealed class LeadershipEffectChart : ChartDefinition
{
    public override string Key => "leadership-effect";
    public override string TitleEn => "Leadership effect: adoption with and without managers who use AI";
    public override string TitleNl => "Leiderschapseffect: adoptie met en zonder leidinggevenden die AI gebruiken";
    public override IReadOnlyList<string> SourceViews => ["leadership_effect"];

    public sealed record Row(bool ManagersActive, long Departments, long People, long PersonMonths, long ActivePersonMonths,
        double? AdoptionRate, double BenchmarkAdoptionRate, double ManagerActiveThreshold);

    public override ChartData Query(ChartRequest request)
    {
        var rows = request.Warehouse.Read(c => c.Query<Row>("""
            select managers_active as ManagersActive, departments, people, person_months as PersonMonths,
                   active_person_months as ActivePersonMonths, adoption_rate as AdoptionRate,
                   benchmark_adoption_rate as BenchmarkAdoptionRate, manager_active_threshold as ManagerActiveThreshold
            from leadership_effect
            order by managers_active
            """).ToList());
        var data = new ChartData(
            [
                new("managers_active", "Managers use AI", "Leidinggevenden gebruiken AI", CellFormat.Boolean),
                new("departments", "Departments", "Afdelingen", CellFormat.Integer),
                new("people", "Employees", "Medewerkers", CellFormat.Integer),
                new("person_months", "Person-months", "Persoonsmaanden", CellFormat.Integer),
                new("active_person_months", "Active person-months", "Actieve persoonsmaanden", CellFormat.Integer),
                new("adoption_rate", "Adoption", "Adoptie", CellFormat.Percent),
                new("benchmark_adoption_rate", "Benchmark (research)", "Benchmark (onderzoek)", CellFormat.Percent),
                new("manager_active_threshold", "Managers active in at least", "Leidinggevenden actief in minstens", CellFormat.Percent),
            ],
            rows.Select(r => new object?[]
            {
                r.ManagersActive, r.Departments, r.People, r.PersonMonths, r.ActivePersonMonths, r.AdoptionRate, r.BenchmarkAdoptionRate, r.ManagerActiveThreshold,
            }).ToList());
        var threshold = rows.Select(r => r.ManagerActiveThreshold).FirstOrDefault(0.5);
        data.Notes.Add((
            $"A department counts as 'managers use AI' when its managers were active in at least {threshold:P0} of their months after go-live. Adoption is that of the employees (not the managers), pooled over the group's departments.",
            $"Een afdeling telt als 'leidinggevenden gebruiken AI' als haar leidinggevenden in minstens {threshold.ToString("P0", CultureInfo.GetCultureInfo("nl-NL"))} van hun maanden na de livegang actief waren. Adoptie is die van de medewerkers (niet de leidinggevenden), samen over de afdelingen van de groep."));
        return data;
    }

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        if (data.Rows.Count == 0) return null;
        var groups = data.Rows.Select(r => (object)(r[0] is true
            ? Lang.T(culture, "Managers use AI", "Leidinggevenden gebruiken AI")
            : Lang.T(culture, "Managers do not use AI", "Leidinggevenden gebruiken geen AI"))).ToList();
        string Pct(object? v) => v is null ? "" : Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("P0", culture);
        string Departments(object?[] r) => Lang.T(culture,
            $"{Convert.ToInt64(r[1], CultureInfo.InvariantCulture).ToString("N0", culture)} departments, {Convert.ToInt64(r[2], CultureInfo.InvariantCulture).ToString("N0", culture)} employees",
            $"{Convert.ToInt64(r[1], CultureInfo.InvariantCulture).ToString("N0", culture)} afdelingen, {Convert.ToInt64(r[2], CultureInfo.InvariantCulture).ToString("N0", culture)} medewerkers");

        var layout = Figures.Layout(culture, yTitle: Lang.T(culture, "Employees' adoption", "Adoptie van medewerkers"), yFormat: ".0%", height: 380);
        layout.BarMode = BarModeEnum.Group;
        layout.YAxis[0].Range = [0, 1];
        layout.XAxis[0].TickVals = groups;
        layout.XAxis[0].TickText = data.Rows.Select((r, i) => (object)$"{groups[i]}<br><span style=\"font-size:11px\">{Departments(r)}</span>").ToList();
        layout.Margin = new Margin { L = 64, R = 16, T = 16, B = 80 };
        return new Figure(
        [
            new Bar
            {
                Name = Lang.T(culture, "Our organisation", "Onze organisatie"), X = groups,
                Y = data.Rows.Select(r => r[5]).ToList(), Marker = new Marker { Color = Figures.Palette[0] },
                TextArray = data.Rows.Select(r => Pct(r[5])).ToList(), TextPosition = TextPositionEnum.Outside,
                HoverTemplate = "%{x}: %{y:.0%}<extra></extra>",
            },
            new Bar
            {
                Name = Lang.T(culture, "Benchmark from research (34% → 62%)", "Benchmark uit onderzoek (34% → 62%)"), X = groups,
                Y = data.Rows.Select(r => r[6]).ToList(),
                Marker = new Marker { Color = Figures.Benchmark, Pattern = new Plotly.Blazor.Traces.BarLib.MarkerLib.Pattern { Shape = Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum.Slash, BgColor = Figures.Benchmark, FgColor = "#ffffff", Size = 7, Solidity = 0.25m } },
                TextArray = data.Rows.Select(r => Pct(r[6])).ToList(), TextPosition = TextPositionEnum.Outside,
                HoverTemplate = Lang.T(culture, "%{x}, benchmark: %{y:.0%}<extra></extra>", "%{x}, benchmark: %{y:.0%}<extra></extra>"),
            },
        ], layout);
    }
}
