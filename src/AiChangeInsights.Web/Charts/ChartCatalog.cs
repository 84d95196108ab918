using System.Collections.Concurrent;
using AiChangeInsights.Web.Dashboard;

namespace AiChangeInsights.Web.Charts;

/// <summary>
/// Every chart of the dashboard by key, and their data cached per filters until the warehouse changes
/// (a page and its chart component ask for the same data; an import invalidates everything).
/// </summary>
public sealed class ChartCatalog(IEnumerable<ChartDefinition> charts, Warehouse.Warehouse warehouse)
{
    readonly Dictionary<string, ChartDefinition> byKey = charts.ToDictionary(c => c.Key);
    readonly ConcurrentDictionary<string, ChartData> cache = new();
    long cachedVersion = -1;

    public IReadOnlyCollection<ChartDefinition> All => byKey.Values;

    public ChartDefinition? Find(string key) => byKey.GetValueOrDefault(key);

    public ChartData Data(ChartDefinition chart, DashboardFilters filters, IReadOnlyDictionary<string, string> options)
    {
        var version = warehouse.DataVersion;
        if (Interlocked.Exchange(ref cachedVersion, version) != version) cache.Clear();
        if (cache.Count > 2000) cache.Clear();
        var relevant = chart.OptionKeys.Select(k => options.TryGetValue(k, out var v) ? $"{k}={v}" : "");
        var key = $"{chart.Key}?{filters.ToQuery()}&{string.Join("&", relevant)}";
        return cache.GetOrAdd(key, _ => chart.Query(new ChartRequest(warehouse, filters, options)));
    }
}
