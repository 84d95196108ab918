using System.Globalization;

namespace AiChangeInsights.Web.Dashboard;

/// <summary>A KPI value in its unit, in the reader's culture (decimal comma in Dutch).</summary>
public static class KpiFormat
{
    public static string Format(double? value, string unit, CultureInfo culture) => value is not { } v ? "–" : unit switch
    {
        "share" => v.ToString("P0", culture),
        "relative_change" => (v * 100).ToString("+0;-0;0", culture) + " %",
        "nps_points" => v.ToString("+0;-0;0", culture),
        "score_1_5" => v.ToString("N1", culture),
        "count" => v.ToString(Math.Abs(v - Math.Round(v)) < 1e-9 ? "N0" : "N1", culture),
        _ => v.ToString("N1", culture),
    };

    /// <summary>
    /// A change against the baseline in the KPI's unit: percentage points for shares and relative changes ("+42 pp"),
    /// points for the NPS, one decimal otherwise. Null (no baseline or no value) reads "–".
    /// </summary>
    public static string Delta(double? delta, string unit, CultureInfo culture)
    {
        if (delta is not { } d) return "–";
        var dutch = Text.Lang.IsDutch(culture);
        return unit switch
        {
            "share" or "relative_change" => (d * 100).ToString("+0;-0;0", culture) + (dutch ? " %-punt" : " pp"),
            "nps_points" => d.ToString("+0;-0;0", culture) + (dutch ? " punten" : " points"),
            _ => d.ToString("+0.0;-0.0;0.0", culture),
        };
    }

    /// <summary>True when a change rounds to nothing in the precision <see cref="Delta"/> shows.</summary>
    public static bool IsNoChange(double delta, string unit) => unit switch
    {
        "share" or "relative_change" => Math.Round(delta * 100) == 0,
        "nps_points" => Math.Round(delta) == 0,
        _ => Math.Round(delta, 1) == 0,
    };

    /// <summary>What an axis of the KPI counts, for axis titles.</summary>
    public static string UnitLabel(string unit, CultureInfo culture)
    {
        var dutch = Text.Lang.IsDutch(culture);
        return unit switch
        {
            "share" => dutch ? "% van de doelgroep" : "% of the target group",
            "relative_change" => dutch ? "% verandering" : "% change",
            "nps_points" => dutch ? "NPS-punten (−100 tot 100)" : "NPS points (−100 to 100)",
            "score_1_5" => dutch ? "gemiddelde score 1–5" : "mean score 1–5",
            "days" => dutch ? "dagen" : "days",
            "minutes" => dutch ? "minuten" : "minutes",
            "hours" => dutch ? "uren" : "hours",
            "features" => dutch ? "functies" : "features",
            "per_100" => dutch ? "per 100 actieve gebruikers" : "per 100 active users",
            "count" => dutch ? "aantal" : "count",
            _ => unit,
        };
    }

    /// <summary>The d3 format Plotly uses for hover text and ticks, matching <see cref="Format"/>.</summary>
    public static string D3(string unit) => unit switch
    {
        "share" => ".0%",
        "relative_change" => "+.0%",
        "nps_points" => "+.0f",
        "score_1_5" => ".1f",
        "count" => ".1f",
        _ => ".1f",
    };
}
