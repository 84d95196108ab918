using System.Globalization;
using AiChangeInsights.Web.Text;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace AiChangeInsights.Web.Charts;

/// <summary>The house style of every chart: Okabe-Ito colours (safe for colour-blind readers), culture-aware separators.</summary>
public static class Figures
{
    /// <summary>Okabe &amp; Ito (2008): distinguishable with every common colour-vision deficiency.</summary>
    public static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    public const string Good = "#009E73", Warn = "#E69F00", Bad = "#D55E00", Neutral = "#999999", Benchmark = "#999999";

    public static Layout Layout(CultureInfo culture, string? yTitle = null, string? xTitle = null, string? yFormat = null, int height = 380) => new()
    {
        // Plotly ignores the culture: decimal comma and thousands point for Dutch readers must be told.
        Separators = Lang.IsDutch(culture) ? ",." : ".,",
        AutoSize = true,
        Height = height,
        Margin = new Margin { L = 64, R = 16, T = 24, B = 56 },
        Font = new Font { Family = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", Size = 13, Color = "#1d2430" },
        Colorway = Palette.Cast<object>().ToList(),
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "#ffffff",
        ShowLegend = true,
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.22m }],
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle }, GridColor = "#eef1f5" }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle }, TickFormat = yFormat, GridColor = "#eef1f5", ZeroLineColor = "#c9ced6" }],
    };

    public static Config Config(CultureInfo culture) => new()
    {
        Responsive = true,
        DisplayLogo = false,
        ModeBarButtonsToRemove = new[] { "select2d", "lasso2d", "autoScale2d", "toggleSpikelines" },
    };

    public static List<object> Objects<T>(IEnumerable<T> values) => values.Select(v => (object)v!).ToList();
}
