using System.Globalization;
using System.Text.RegularExpressions;

namespace AiChangeInsights.Warehouse.Reports;

/// <summary>A calendar quarter as the views spell it ('2025Q4'): the period of one quarterly report.</summary>
public readonly partial record struct ReportQuarter(int Year, int Number) : IComparable<ReportQuarter>
{
    public static ReportQuarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    public static bool TryParse(string? text, out ReportQuarter quarter)
    {
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        quarter = match.Success ? new ReportQuarter(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value[0] - '0') : default;
        return match.Success;
    }

    public static ReportQuarter Parse(string text) =>
        TryParse(text, out var quarter) ? quarter : throw new FormatException($"'{text}' is not a quarter like 2025Q4");

    public DateOnly FirstMonth => new(Year, (Number - 1) * 3 + 1, 1);

    public DateOnly LastMonth => FirstMonth.AddMonths(2);

    /// <summary>The first day after the quarter.</summary>
    public DateOnly End => FirstMonth.AddMonths(3);

    public IReadOnlyList<DateOnly> Months => [FirstMonth, FirstMonth.AddMonths(1), FirstMonth.AddMonths(2)];

    /// <summary>A quarter is finished once its last day has passed.</summary>
    public bool IsFinishedOn(DateOnly today) => today >= End;

    public string FileName => $"quarterly-{this}.xlsx";

    public int CompareTo(ReportQuarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}Q{Number}");

    [GeneratedRegex(@"^(\d{4})[Qq]([1-4])$")]
    private static partial Regex Pattern();
}
