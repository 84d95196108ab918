using System.Collections.Concurrent;
using System.Globalization;

namespace AiChangeInsights.Tests.Reliability;

/// <summary>
/// The figures the reliability suite gathers while it runs, written as one summary line when the last test of the
/// "reliability" collection has finished: artifacts/reliability-summary.txt, which make prints.
/// </summary>
public sealed class ReliabilityFigures : IDisposable
{
    public const string FilesTried = "files tried", RejectedAsExpected = "rejected as expected", PartialLoads = "partial loads",
        CrashRecoveries = "crash recoveries", ConcurrentRequests = "concurrent requests", Errors = "errors";

    static readonly string[] Order = [FilesTried, RejectedAsExpected, PartialLoads, CrashRecoveries, ConcurrentRequests, Errors];

    readonly ConcurrentDictionary<string, long> counts = new(Order.ToDictionary(o => o, _ => 0L));
    readonly ConcurrentDictionary<string, string> notes = new();

    public static string SummaryFile => Path.Combine(Repository.Root, "artifacts", "reliability-summary.txt");

    public void Add(string figure, long value = 1) => counts.AddOrUpdate(figure, value, (_, v) => v + value);

    /// <summary>A measured value printed after the counts, such as "p95 page 41 ms".</summary>
    public void Note(string name, string value) => notes[name] = value;

    public string Summary() =>
        "reliability: " + string.Join(", ", Order.Select(o => $"{o} {counts[o].ToString(CultureInfo.InvariantCulture)}"))
        + string.Concat(notes.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"; {n.Key} {n.Value}"));

    public void Dispose()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(SummaryFile)!);
        File.WriteAllText(SummaryFile, Summary() + Environment.NewLine);
    }
}

/// <summary>Reliability tests run one after another: a crash or a load test must not share the machine with another.</summary>
[CollectionDefinition("reliability")]
public sealed class ReliabilityCollection : ICollectionFixture<ReliabilityFigures>;
