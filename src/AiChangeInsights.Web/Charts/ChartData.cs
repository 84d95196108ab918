using System.Globalization;
using AiChangeInsights.Web.Text;

namespace AiChangeInsights.Web.Charts;

public enum CellFormat { Text, Integer, Number, Coefficient, Percent, Month, Date, Signed, SignedPercent, Boolean }

/// <summary>
/// A column of a chart's data: its name in exports, its labels, how to show it. A column may be suppressible:
/// when the row's <see cref="SuppressedBy"/> column is true, the cell reads "fewer than N responses", never 0.
/// </summary>
public sealed record ChartColumn(string Name, string En, string Nl, CellFormat Format = CellFormat.Text, string? SuppressedBy = null)
{
    public string Label(CultureInfo culture) => Lang.T(culture, En, Nl);
}

/// <summary>The data behind one chart: what the chart draws, the table beside it, and every export of it.</summary>
public sealed class ChartData(IReadOnlyList<ChartColumn> columns, IReadOnlyList<object?[]> rows)
{
    public IReadOnlyList<ChartColumn> Columns { get; } = columns;
    public IReadOnlyList<object?[]> Rows { get; } = rows;

    /// <summary>Remarks shown with the chart and written into exports (e.g. "correlation is not causation").</summary>
    public List<(string En, string Nl)> Notes { get; } = [];

    public int MinGroupSize { get; init; } = 5;

    /// <summary>Months of the chart's period that its source's exports leave out or cover in part: marked on a month axis.</summary>
    public IReadOnlyList<Dashboard.CoverageGap> Gaps { get; init; } = [];

    public int Index(string column) => Columns.Select((c, i) => (c, i)).First(x => x.c.Name == column).i;

    public bool IsSuppressed(object?[] row, ChartColumn column) =>
        column.SuppressedBy is { } flag && row[Index(flag)] is true;

    /// <summary>A cell as the data table shows it, in the reader's culture.</summary>
    public string Format(object?[] row, int index, CultureInfo culture)
    {
        var column = Columns[index];
        if (IsSuppressed(row, column)) return Lang.T(culture, $"fewer than {MinGroupSize} responses", $"minder dan {MinGroupSize} reacties");
        var value = row[index];
        if (value is null) return "–";
        return column.Format switch
        {
            CellFormat.Integer => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("N0", culture),
            CellFormat.Number => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("N1", culture),
            CellFormat.Coefficient => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("+0.00;-0.00;0.00", culture),
            CellFormat.Signed => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("+0.0;-0.0;0.0", culture),
            CellFormat.Percent => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("P0", culture),
            CellFormat.SignedPercent => (Convert.ToDouble(value, CultureInfo.InvariantCulture) * 100).ToString("+0;-0;0", culture) + " pp",
            CellFormat.Month => value is DateOnly d ? d.ToString("MMM yyyy", culture) : Convert.ToString(value, culture) ?? "",
            CellFormat.Date => value is DateOnly d ? d.ToString("d", culture) : value is DateTime t ? t.ToString("g", culture) : Convert.ToString(value, culture) ?? "",
            CellFormat.Boolean => value is true ? Lang.T(culture, "yes", "ja") : Lang.T(culture, "no", "nee"),
            _ => Convert.ToString(value, culture) ?? "",
        };
    }
}
