using System.Globalization;
using Dapper;

namespace AiChangeInsights.Web.Dashboard;

/// <summary>
/// A month that a source's imports leave out or cover only in part (data_coverage), as a chart marks it and a reader
/// is told: "No ChatGPT export for July 2025." Months between survey waves or maturity rounds are no gaps.
/// </summary>
public sealed record CoverageGap(string Source, string Tool, DateOnly Month, string Status, DateOnly? FirstDay, DateOnly? LastDay)
{
    public bool Missing => Status == "missing";

    /// <summary>
    /// The gaps of <paramref name="source"/> in a period. For usage of all tools, each tool's own gaps: they say why
    /// "All tools" is partial in a month (one tool's export is missing).
    /// </summary>
    public static IReadOnlyList<CoverageGap> Read(Warehouse.Warehouse warehouse, string source, string tool, DateOnly from, DateOnly to) =>
        warehouse.Read(c => c.Query<CoverageGap>("""
            select source, tool, month, status, first_day as FirstDay, last_day as LastDay
            from data_coverage
            where source = $source and expected and status <> 'present' and month between $from and $to
              and case when $source = 'usage' and $tool = 'All' then tool <> 'All' else tool = $tool end
            order by month, tool
            """, new { source, tool = source == "usage" ? tool : "All", from, to }).ToList());

    /// <summary>Every source's gaps in a period (the Overview's and the Imports page's list).</summary>
    public static IReadOnlyList<CoverageGap> ReadAll(Warehouse.Warehouse warehouse, DateOnly from, DateOnly to) =>
        warehouse.Read(c => c.Query<CoverageGap>("""
            select source, tool, month, status, first_day as FirstDay, last_day as LastDay
            from data_coverage
            where expected and status <> 'present' and month between $from and $to and (source <> 'usage' or tool <> 'All')
            order by source, tool, month
            """, new { from, to }).ToList());

    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB"), Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The gap in a sentence, in English and Dutch.</summary>
    public (string En, string Nl) Sentence()
    {
        string When(CultureInfo culture) => Month.ToString("MMMM yyyy", culture);
        var (en, nl) = Source switch
        {
            "usage" => (Tool, Tool),
            "training" => ("the LMS", "het LMS"),
            "activities" => ("the change activities", "de verandermaatregelen"),
            "business_metrics" => ("the business figures", "de bedrijfscijfers"),
            "support_tickets" => ("the helpdesk", "de helpdesk"),
            "ideas" => ("the ideas", "de ideeën"),
            _ => (Source, Source),
        };
        if (Missing) return ($"No {en} export for {When(English)}.", $"Geen export van {nl} voor {When(Dutch)}.");
        var span = FirstDay is { } f && LastDay is { } l ? (f.Day, l.Day) : (1, 1);
        return ($"{Capital(en)}: {When(English)} holds only {span.Item1}–{span.Item2} {Month.ToString("MMMM", English)}.",
                $"{Capital(nl)}: {When(Dutch)} bevat alleen {span.Item1}–{span.Item2} {Month.ToString("MMMM", Dutch)}.");
    }

    static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
