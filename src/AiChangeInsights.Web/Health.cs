using Dapper;

namespace AiChangeInsights.Web;

/// <summary>/health answers without sign-in: is the warehouse open, which schema, when was data last imported.</summary>
public static class Health
{
    public static void MapHealth(this WebApplication app) => app.MapGet("/health", (Warehouse.Warehouse warehouse) =>
    {
        var lastImport = warehouse.Read(c => c.ExecuteScalar<DateTime?>(
            "select max(finished_at) from import_history where status = 'loaded'"));
        return Results.Json(new
        {
            status = "ok",
            schema_version = warehouse.SchemaVersion,
            last_import_at = lastImport is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : (DateTime?)null,
        });
    });
}
