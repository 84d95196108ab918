using System.Globalization;

namespace AiChangeInsights.Tests.Reliability;

/// <summary>
/// The figures the reliability tests gather, kept as one summary line in artifacts/reliability-summary.txt and
/// rewritten after every figure, so the file is complete whichever test ends last; make test-reliability prints it.
/// </summary>
public static class ReliabilityFigures
{
    public const string FilesTried = "files tried", RejectedAsExpected = "rejected as expected", PartialLoads = "partial loads",
        CrashRecoveries = "crash recoveries", ConcurrentRequests = "concurrent requests", Errors = "errors";

    static readonly string[] Order = [FilesTried, RejectedAsExpected, PartialLoads, CrashRecoveries, ConcurrentRequests, Errors];
    static readonly Dictionary<string, long> Counts = Order.ToDictionary(o => o, _ => 0L);
    static readonly SortedDictionary<string, string> Notes = new(StringComparer.Ordinal);
    static readonly Lock Gate = new();

    public static string SummaryFile => Path.Combine(Repository.Root, "artifacts", "reliability-summary.txt");

    public static void Add(string figure, long value = 1)
    {
        lock (Gate)
        {
            Counts[figure] += value;
            Write();
        }
    }

    /// <summary>A measured value printed after the counts, such as "p95 under import 740 ms".</summary>
    public static void Note(string name, string value)
    {
        lock (Gate)
        {
            Notes[name] = value;
            Write();
        }
    }

    static void Write()
    {
        var line = "reliability: " + string.Join(", ", Order.Select(o => $"{o} {Counts[o].ToString(CultureInfo.InvariantCulture)}"))
                   + string.Concat(Notes.Select(n => $"; {n.Key} {n.Value}"));
        Directory.CreateDirectory(Path.GetDirectoryName(SummaryFile)!);
        File.WriteAllText(SummaryFile, line + Environment.NewLine);
    }
}

/// <summary>
/// The long reliability cases run one after another and alone: a crash, restart or load test must not share the
/// machine with other tests.
/// </summary>
[CollectionDefinition("reliability", DisableParallelization = true)]
public sealed class ReliabilityCollection;
