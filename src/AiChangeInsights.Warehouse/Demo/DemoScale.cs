namespace AiChangeInsights.Warehouse.Demo;

/// <summary>How big the fictional organisation is and how many months of exports it has.</summary>
public sealed record DemoScale(string Name, int People, int Departments, int MonthsBeforeGoLive, int MonthsAfterGoLive)
{
    /// <summary>The seed article's machine builder: 140 people, a baseline quarter and the first year after go-live.</summary>
    public static DemoScale Demo { get; } = new("demo", 140, 6, 3, 12) { GoLive = new(2025, 1, 1) };

    /// <summary>Three years of a 5,000-person organisation: enough to see the long checkpoint and stress the pages.</summary>
    public static DemoScale Large { get; } = new("large", 5_000, 40, 3, 33) { GoLive = new(2023, 10, 1) };

    /// <summary>Ten times large: tens of millions of usage rows, for import and query benchmarks.</summary>
    public static DemoScale Stress { get; } = new("stress", 50_000, 200, 3, 33) { GoLive = new(2023, 10, 1) };

    /// <summary>
    /// The go-live month (month index 1). Three years of large/stress end in June 2026, so that no generated row
    /// lies in the future, which the importers refuse.
    /// </summary>
    public DateOnly GoLive { get; init; }

    public static DemoScale Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "demo" => Demo,
        "large" => Large,
        "stress" => Stress,
        _ => throw new ArgumentException($"Unknown demo scale '{name}'; use demo, large or stress.", nameof(name)),
    };

    /// <summary>Month index of the first exported month (the go-live month is 1, so three months before is -2).</summary>
    internal int FirstMonth => 1 - MonthsBeforeGoLive;

    internal int LastMonth => MonthsAfterGoLive;
}
