using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor;
using ChartDefinition = AiChangeInsights.Web.Charts.ChartDefinition;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace AiChangeInsights.Web.Pages.Adoption;

/// <summary>
/// Adoption curves: one line per cohort, the share of its people active in each month since their go-live, over the
/// seed article's three bands (novelty, valley of disillusionment, stabilisation).
/// </summary>
public sealed class AdoptionCohortsChart : ChartDefinition
{
    public override string Key => "adoption-cohorts";
    public override string TitleEn => "Adoption curves: active share by month since go-live";
    public override string TitleNl => "Adoptiecurves: aandeel actief per maand sinds de livegang";
    public override IReadOnlyList<string> SourceViews => ["adoption_cohorts"];
    public override IReadOnlyList<string> OptionKeys => [CohortSelection.OptionKey];

    public sealed record Row(string CohortKind, string Cohort, int MonthIndex, long CohortSize, long Observed, long ActiveUsers, double ActiveRate);

    /// <summary>The seed's curve: months 1-3 novelty, 4-9 the valley, 10 and later stabilisation.</summary>
    public static readonly (int From, int To, string En, string Nl, string Fill)[] Bands =
    [
        (1, 3, "Novelty<br>months 1–3", "Nieuwheidseffect<br>maand 1–3", "rgba(86,180,233,0.16)"),
        (4, 9, "Valley of disillusionment<br>months 4–9", "Dal van de ontnuchtering<br>maand 4–9", "rgba(230,159,0,0.16)"),
        (10, int.MaxValue, "Stabilisation<br>month 10+", "Stabilisatie<br>maand 10+", "rgba(0,158,115,0.12)"),
    ];

    public override ChartData Query(ChartRequest request)
    {
        var selection = CohortSelection.From(request);
        var rows = request.Warehouse.Read(c => c.Query<Row>($"""
            select cohort_kind as CohortKind, cohort, month_index::int as MonthIndex, cohort_size as CohortSize, observed,
                   active_users as ActiveUsers, active_rate as ActiveRate
            from adoption_cohorts
            where {CohortSelection.Where}
            order by cohort_kind = 'organisation' desc, cohort, month_index
            """, selection.Parameters).ToList());
        var data = new ChartData(
            [
                new("cohort_kind", "Cohort kind", "Soort cohort"), new("cohort", "Cohort", "Cohort"),
                new("month_index", "Month since go-live", "Maand sinds livegang", CellFormat.Integer),
                new("cohort_size", "People in cohort", "Mensen in cohort", CellFormat.Integer),
                new("observed", "Observed this month", "Waargenomen deze maand", CellFormat.Integer),
                new("active_users", "Active", "Actief", CellFormat.Integer),
                new("active_rate", "Active share", "Aandeel actief", CellFormat.Percent),
            ],
            rows.Select(r => new object?[] { r.CohortKind, r.Cohort, r.MonthIndex, r.CohortSize, r.Observed, r.ActiveUsers, r.ActiveRate }).ToList());
        data.Notes.Add((
            "Month 1 is the month of go-live; active = at least one day of AI use in the month. Seed benchmark: 64 % of AI projects see a clear decline in use after 3–6 months.",
            "Maand 1 is de maand van de livegang; actief = minstens één dag AI-gebruik in de maand. Benchmark uit het artikel: 64 % van de AI-projecten ziet na 3–6 maanden een duidelijke daling in gebruik."));
        // A month without usage data is left out of every curve; a partly covered one counts what was exported.
        data.Notes.AddRange(CoverageGap.Read(request.Warehouse, "usage", "All", request.Filters.FromOrMin, request.Filters.ToOrMax)
            .Select(g => g.Sentence()));
        return data;
    }

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        if (data.Rows.Count == 0) return null;
        var rows = data.Rows.Select(r => new Row((string)r[0]!, (string)r[1]!, (int)r[2]!, (long)r[3]!, (long)r[4]!, (long)r[5]!, (double)r[6]!)).ToList();
        var lastMonth = Math.Max(12, rows.Max(r => r.MonthIndex));
        var people = Lang.T(culture, "people", "mensen");
        var month = Lang.T(culture, "month", "maand");
        var of = Lang.T(culture, "of", "van de");

        var traces = new List<ITrace>();
        var colour = 0;
        foreach (var cohort in rows.GroupBy(r => (r.CohortKind, r.Cohort)))
        {
            var organisation = cohort.Key.CohortKind == "organisation";
            var label = CohortSelection.Label(cohort.Key.CohortKind, cohort.Key.Cohort, culture);
            var size = cohort.First().CohortSize;
            traces.Add(new Scatter
            {
                Name = $"{label} ({size.ToString("N0", culture)} {people})",
                X = cohort.Select(r => (object)r.MonthIndex).ToList(),
                Y = cohort.Select(r => (object)r.ActiveRate).ToList(),
                CustomData = cohort.Select(r => (object)new object[] { r.ActiveUsers, r.Observed }).ToList(),
                Mode = ModeFlag.Lines | ModeFlag.Markers,
                Line = new Line
                {
                    Color = organisation ? "#000000" : Figures.Palette[colour++ % 7],
                    Width = organisation ? 3.5m : 2.5m,
                    Dash = organisation ? "dash" : "solid",
                },
                Marker = new Marker { Size = organisation ? 6 : 7 },
                HoverTemplate = $"<b>{label}</b><br>{month} %{{x}}: %{{y:.0%}} (%{{customdata[0]}} {of} %{{customdata[1]}})<extra></extra>",
            });
        }

        var layout = Figures.Layout(culture,
            yTitle: Lang.T(culture, "Active share of the cohort", "Aandeel actief van het cohort"),
            xTitle: Lang.T(culture, "Months since go-live (1 = the go-live month)", "Maanden sinds de livegang (1 = de maand van de livegang)"),
            yFormat: ".0%", height: 460);
        layout.Margin = new Margin { L = 64, R = 16, T = 64, B = 56 };
        layout.XAxis[0].DTick = 1;
        layout.XAxis[0].Range = [0.5, lastMonth + 0.5];
        layout.XAxis[0].ShowGrid = false;
        layout.YAxis[0].Range = [0, 1.04];
        layout.YAxis[0].DTick = 0.2;
        layout.Shapes = Bands.Select(b => new Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect,
            XRef = "x", YRef = "paper",
            X0 = b.From - 0.5, X1 = Math.Min(b.To, lastMonth) + 0.5, Y0 = 0, Y1 = 1,
            FillColor = b.Fill,
            Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Width = 0 },
            Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Below,
            Name = Lang.T(culture, b.En, b.Nl).Replace("<br>", " ", StringComparison.Ordinal),
        }).ToList();
        layout.Annotations = Bands.Select(b => new Annotation
        {
            XRef = "x", YRef = "paper",
            X = (b.From - 0.5 + Math.Min(b.To, lastMonth) + 0.5) / 2.0, Y = 1.0,
            YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
            Text = Lang.T(culture, b.En, b.Nl),
            ShowArrow = false,
            Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 12, Color = "#3b4452" },
        }).ToList();
        return new Figure(traces, layout);
    }
}
