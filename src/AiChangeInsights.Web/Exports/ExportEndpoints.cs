using System.Globalization;
using AiChangeInsights.Web.Access;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Text;

namespace AiChangeInsights.Web.Exports;

/// <summary>/export/{chart}.xlsx and /export/{chart}.json: a chart's data with the page's filters and the same role and privacy rules.</summary>
public static class ExportEndpoints
{
    public static void MapExports(this WebApplication app) => app.MapGet("/export/{file}", (string file, HttpContext context, ChartCatalog catalog, Audit.AuditLog audit) =>
    {
        var dot = file.LastIndexOf('.');
        if (dot <= 0) return Results.NotFound();
        var (key, format) = (file[..dot], file[(dot + 1)..].ToLowerInvariant());
        if (format is not ("xlsx" or "json") || catalog.Find(key) is not { } chart) return Results.NotFound();
        if (Roles.Of(context.User) is not { } role || !chart.Roles.Contains(role)) return Results.StatusCode(StatusCodes.Status403Forbidden);

        var filters = DashboardFilters.FromQuery(context.Request.Query);
        var options = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var data = catalog.Data(chart, filters, options);
        var culture = CultureInfo.CurrentCulture;
        var generated = DateTime.UtcNow;
        audit.Write(context, "export", $"{file}?{filters.ToQuery()}");

        if (format == "xlsx")
            return Results.File(ChartWorkbook.Write(chart, data, filters, culture, generated),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{key}-{generated:yyyyMMdd}.xlsx");

        return Results.Json(new
        {
            chart = chart.Key,
            title = chart.Title(culture),
            filters = new
            {
                from = filters.From?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                to = filters.To?.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                department = filters.DepartmentOrAll,
                tool = filters.ToolOrAll,
            },
            source_views = chart.SourceViews,
            generated_at = generated,
            min_group_size = data.MinGroupSize,
            notes = data.Notes.Select(n => Lang.T(culture, n.En, n.Nl)),
            columns = data.Columns.Select(c => new { name = c.Name, label = c.Label(culture) }),
            rows = data.Rows.Select(r => data.Columns.Select((c, i) => (c.Name, Value: data.IsSuppressed(r, c) ? null : Plain(r[i])))
                .ToDictionary(x => x.Name, x => x.Value)),
        });
    });

    static object? Plain(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d when double.IsNaN(d) || double.IsInfinity(d) => null,
        _ => value,
    };
}
