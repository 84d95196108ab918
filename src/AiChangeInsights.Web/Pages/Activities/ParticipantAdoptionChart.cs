using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Text;
using Dapper;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;

namespace AiChangeInsights.Web.Pages.Activities;

/// <summary>
/// Do people who took part adopt more? Adoption of participants' and non-participants' person-months per activity
/// type, with the difference (uplift) in percentage points. Organisation-wide; the lag is the page's option.
/// </summary>
public sealed class ParticipantAdoptionChart : ChartDefinition
{
    public override string Key => "activity-participants";
    public override string TitleEn => "Adoption of participants and non-participants";
    public override string TitleNl => "Adoptie van deelnemers en niet-deelnemers";
    public override IReadOnlyList<string> SourceViews => ["activity_adoption_correlation"];
    public override IReadOnlyList<string> OptionKeys => ["lag"];

    public sealed record Row(string ActivityType, string LabelEn, string LabelNl, int LagMonths, long ParticipantMonths, long NonParticipantMonths,
        double? AdoptionParticipants, double? AdoptionNonParticipants, double? Uplift);

    public override ChartData Query(ChartRequest request)
    {
        var rows = request.Warehouse.Read(c => c.Query<Row>("""
            select activity_type as ActivityType, label_en as LabelEn, label_nl as LabelNl, lag_months as LagMonths,
                   participant_months as ParticipantMonths, non_participant_months as NonParticipantMonths,
                   adoption_participants as AdoptionParticipants, adoption_non_participants as AdoptionNonParticipants, uplift as Uplift
            from activity_adoption_correlation
            where lag_months = $lag
            order by uplift desc nulls last, activity_type
            """, new { lag = ActivityCorrelationChart.Lag(request.Options) }).ToList());
        var data = new ChartData(
            [
                new("activity_type", "Activity type", "Activiteitstype"),
                new("label_en", "Activity (English)", "Activiteit (Engels)"),
                new("label_nl", "Activity (Dutch)", "Activiteit (Nederlands)"),
                new("lag_months", "Lag (months)", "Vertraging (maanden)", CellFormat.Integer),
                new("participant_months", "Participant person-months", "Persoonsmaanden deelnemers", CellFormat.Integer),
                new("non_participant_months", "Non-participant person-months", "Persoonsmaanden niet-deelnemers", CellFormat.Integer),
                new("adoption_participants", "Adoption, participants", "Adoptie, deelnemers", CellFormat.Percent),
                new("adoption_non_participants", "Adoption, non-participants", "Adoptie, niet-deelnemers", CellFormat.Percent),
                new("uplift", "Uplift", "Verschil", CellFormat.SignedPercent),
            ],
            rows.Select(r => new object?[]
            {
                r.ActivityType, r.LabelEn, r.LabelNl, r.LagMonths, r.ParticipantMonths, r.NonParticipantMonths,
                r.AdoptionParticipants, r.AdoptionNonParticipants, r.Uplift,
            }).ToList());
        data.Notes.Add((
            "A person counts as a participant from the first month they took part on. Participants may have been keener to begin with: the uplift is a difference, not an effect.",
            "Iemand telt als deelnemer vanaf de eerste maand dat hij of zij meedeed. Deelnemers waren misschien al enthousiaster: het verschil is een verschil, geen effect."));
        var headCount = rows.Where(r => r.Uplift is null).ToList();
        if (headCount.Count > 0)
            data.Notes.Add((
                $"Not compared: {string.Join(", ", headCount.Select(r => r.LabelEn))} (only head counts, no named participants).",
                $"Niet vergeleken: {string.Join(", ", headCount.Select(r => r.LabelNl))} (alleen aantallen, geen deelnemers op naam)."));
        return data;
    }

    public override Figure? Draw(ChartData data, CultureInfo culture)
    {
        var rows = data.Rows.Where(r => r[8] is not null).Reverse().ToList(); // largest uplift on top
        if (rows.Count == 0) return null;
        var dutch = Lang.IsDutch(culture);
        var labels = rows.Select(r => (object)(string)r[dutch ? 2 : 1]!).ToList();
        double D(object? v) => Convert.ToDouble(v, CultureInfo.InvariantCulture);
        string Pct(object? v) => D(v).ToString("P0", culture);
        string Points(double v) => (v * 100).ToString("+0;−0;0", culture) + Lang.T(culture, " pp", " %-punt");

        Bar Group(string name, int column, int months, string colour, TextPositionEnum position) => new()
        {
            Name = name, Orientation = OrientationEnum.H, Y = labels, X = rows.Select(r => (object)D(r[column])).ToList(),
            Marker = new Marker { Color = colour },
            TextArray = rows.Select(r => Pct(r[column])).ToList(), TextPosition = position,
            CustomData = rows.Select(r => (object)D(r[months])).ToList(),
            HoverTemplate = Lang.T(culture,
                $"%{{y}}<br>{name}: %{{x:.0%}} of %{{customdata:,}} person-months<extra></extra>",
                $"%{{y}}<br>{name}: %{{x:.0%}} van %{{customdata:,}} persoonsmaanden<extra></extra>"),
        };

        var layout = Figures.Layout(culture, xTitle: data.Columns[6].Label(culture).Split(',')[0], height: 120 + 46 * rows.Count);
        layout.BarMode = BarModeEnum.Group;
        layout.XAxis[0].TickFormat = ".0%";
        layout.XAxis[0].Range = [0, 1];
        layout.YAxis[0].AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True;
        layout.YAxis[0].Title = null;
        layout.YAxis[0].TickFormat = null;
        layout.Margin = new Margin { L = 16, R = 96, T = 16, B = 48 };
        layout.Legend[0].TraceOrder = Plotly.Blazor.LayoutLib.LegendLib.TraceOrderFlag.Reversed;
        layout.Annotations = rows.Select(r => new Annotation
        {
            XRef = "paper", X = 1.01m, XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left,
            YRef = "y", Y = (string)r[dutch ? 2 : 1]!, ShowArrow = false,
            Text = $"<b>{Points(D(r[8]))}</b>",
            Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 12, Color = D(r[8]) >= 0 ? "#00795a" : "#b54a00" },
        }).ToList();

        return new Figure(
        [
            Group(Lang.T(culture, "Non-participants", "Niet-deelnemers"), 7, 5, Figures.Neutral, TextPositionEnum.Inside),
            Group(Lang.T(culture, "Participants", "Deelnemers"), 6, 4, Figures.Palette[0], TextPositionEnum.Inside),
        ], layout);
    }
}
