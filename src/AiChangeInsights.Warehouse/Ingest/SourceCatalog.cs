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

    /// <summary>A name from a file name: "gebruik_chatgpt_2025-03.csv" -> "Chatgpt" when nothing better is given.</summary>
    public static string? NameFromFileName(string fileName, IReadOnlySet<string> noise)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        var word = System.Text.RegularExpressions.Regex.Split(stem, "[^a-z0-9]+")
            .FirstOrDefault(w => w.Length > 1 && !w.All(char.IsAsciiDigit) && !noise.Contains(w));
        return word is null ? null : char.ToUpperInvariant(word[0]) + word[1..];
    }
}
