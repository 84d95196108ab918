using AiChangeInsights.Warehouse.Ingest.Activities;
using AiChangeInsights.Warehouse.Ingest.BusinessMetrics;
using AiChangeInsights.Warehouse.Ingest.Ideas;
using AiChangeInsights.Warehouse.Ingest.Maturity;
using AiChangeInsights.Warehouse.Ingest.Roster;
using AiChangeInsights.Warehouse.Ingest.SupportTickets;
using AiChangeInsights.Warehouse.Ingest.Survey;
using AiChangeInsights.Warehouse.Ingest.Training;
using AiChangeInsights.Warehouse.Ingest.Usage;

namespace AiChangeInsights.Warehouse.Ingest;

/// <summary>Every source an analyst can upload; adding one is one line here and one folder beside this file.</summary>
public static class SourceCatalog
{
    public static IReadOnlyList<Source> All { get; } =
    [
        new RosterImporter(),
        new UsageImporter(),
        new TrainingImporter(),
        new SurveyImporter(),
        new ActivitiesImporter(),
        new BusinessMetricsImporter(),
        new IdeasImporter(),
        new SupportTicketsImporter(),
        new MaturityImporter(),
    ];

    public static Source Find(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                                || s.OtherNames.Any(o => o.Equals(name, StringComparison.OrdinalIgnoreCase)))
        ?? throw new ArgumentException($"unknown source '{name}'; use auto or one of: {string.Join(", ", All.Select(s => s.Name))}");

    /// <summary>Words of a file name that say when, not what: months (English and Dutch), quarters, weeks, halves.</summary>
    static readonly IReadOnlySet<string> Periods = new HashSet<string>
    {
        "jan", "january", "januari", "feb", "february", "februari", "mar", "march", "mrt", "maart", "apr", "april", "may", "mei",
        "jun", "june", "juni", "jul", "july", "juli", "aug", "august", "augustus", "sep", "sept", "september", "oct", "october",
        "okt", "oktober", "nov", "november", "dec", "december", "q1", "q2", "q3", "q4", "kw1", "kw2", "kw3", "kw4", "h1", "h2",
        "wk", "week", "month", "maand", "quarter", "kwartaal", "year", "jaar",
    };

    /// <summary>
    /// A name from a file name when nothing better is given: its first word that is not noise, a number or a period
    /// ("gebruik_chatgpt_2025-03.csv" -> "Chatgpt", "Q1 copilot usage.csv" -> "Copilot"), so that the months of one
    /// tool's log or the waves of one survey share a name.
    /// </summary>
    public static string? NameFromFileName(string fileName, IReadOnlySet<string> noise)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        var word = System.Text.RegularExpressions.Regex.Split(stem, "[^a-z0-9]+")
            .FirstOrDefault(w => w.Length > 1 && !w.All(char.IsAsciiDigit) && !noise.Contains(w) && !Periods.Contains(w));
        return word is null ? null : char.ToUpperInvariant(word[0]) + word[1..];
    }
}
