namespace AiChangeInsights.Warehouse.Demo;

/// <summary>
/// Writes the exports of a fictional Dutch organisation that rolls out AI, with the seed article's patterns built in:
/// novelty peak, valley and stabilisation; 62 % vs 34 % adoption with and without managers who use AI; course
/// participants adopting more; 3-5 % permanent refusers; the four resistance types at 37/24/22/17 %.
/// The same seed writes byte-identical CSV files on every machine (legacy-seeded <see cref="Random"/>, invariant
/// formatting, no transcendental maths, no hash-order iteration).
/// </summary>
public static class DemoOrganisation
{
    public const int Seed = 20250101;

    /// <summary>The organisation's go-live month: month index 1. Months -2..0 are the baseline.</summary>
    public static readonly DateOnly GoLive = DemoScale.Demo.GoLive;

    /// <summary>Writes the export files into folder (created if missing) and returns their full paths in import order (roster first).</summary>
    public static IReadOnlyList<string> Write(string folder, DemoScale scale, int seed = Seed)
    {
        Directory.CreateDirectory(folder);
        folder = Path.GetFullPath(folder);
        var organisation = FictionalOrganisation.Build(scale, seed);

        // Each export draws from its own stream, so changing one export leaves the others' files as they were.
        int Stream(int number) => unchecked(seed * 31 + number);

        var paths = new List<string> { RosterExport.Write(organisation, folder) };
        var (usagePaths, usage) = UsageExport.Write(organisation, folder, Stream(1));
        paths.AddRange(usagePaths);
        paths.Add(TrainingExport.Write(organisation, folder));
        paths.AddRange(SurveyExport.Write(organisation, folder, Stream(2)));
        paths.Add(ActivityExport.Write(organisation, folder, Stream(3)));
        paths.Add(BusinessMetricsExport.Write(organisation, usage, folder, Stream(4)));
        paths.Add(IdeaExport.Write(organisation, usage, folder, Stream(5)));
        paths.Add(SupportTicketExport.Write(organisation, usage, folder, Stream(6)));
        paths.Add(MaturityExport.Write(organisation, folder));
        return paths;
    }
}
