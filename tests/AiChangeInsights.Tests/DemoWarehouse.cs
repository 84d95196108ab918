using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Tests;

/// <summary>
/// The demo organisation from seed-data/, imported once through the real importers and shared (read-only) by
/// the test classes of the "demo" collection.
/// </summary>
public sealed class DemoWarehouse : IDisposable
{
    public TestWarehouse Test { get; } = new();
    public IReadOnlyList<ImportSummary> Summaries { get; }

    public DemoWarehouse() => Summaries = ImportSeedData(Test);

    public static IReadOnlyList<ImportSummary> ImportSeedData(TestWarehouse test) =>
        SeedFiles().Select(f => test.Import(f, new ImportRequest { ImportedBy = "seed" })).ToList();

    public static IEnumerable<string> SeedFiles() =>
        Directory.EnumerateFiles(Repository.SeedData)
            .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".xlsx", StringComparison.Ordinal))
            .OrderBy(f => Path.GetFileName(f).StartsWith("roster", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(f => Path.GetFileName(f), StringComparer.Ordinal);

    public void Dispose() => Test.Dispose();
}

[CollectionDefinition("demo")]
public sealed class DemoCollection : ICollectionFixture<DemoWarehouse>;
