namespace AiChangeInsights.Web.Charts;

/// <summary>Every chart of the dashboard: one line each; the class lives in its page's folder.</summary>
public static class ChartRegistrations
{
    public static IServiceCollection AddCharts(this IServiceCollection services)
    {
        services.AddSingleton<ChartDefinition, Pages.Overview.KpiMatrixChart>();
        services.AddSingleton<ChartDefinition, Pages.Overview.KpiTrendChart>();
        return services;
    }
}
