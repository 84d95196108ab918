namespace AiChangeInsights.Web.Charts;

/// <summary>Every <see cref="ChartDefinition"/> in this assembly (each lives in its page's folder) is a chart of the dashboard.</summary>
public static class ChartRegistrations
{
    public static IServiceCollection AddCharts(this IServiceCollection services)
    {
        foreach (var type in Types) services.AddSingleton(typeof(ChartDefinition), type);
        return services;
    }

    /// <summary>The chart types, in a stable order (aci bench times each one as the pages run it).</summary>
    public static IEnumerable<Type> Types => typeof(ChartDefinition).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(ChartDefinition)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal);
}
