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
