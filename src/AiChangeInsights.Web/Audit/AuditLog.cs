using Dapper;

namespace AiChangeInsights.Web.Audit;

/// <summary>Every sign-in, upload, export, undo and settings change: who, when, what, from where.</summary>
public sealed class AuditLog(Warehouse.Warehouse warehouse)
{
    public void Write(HttpContext context, string action, string? detail)
    {
        var actor = context.User.Identity?.IsAuthenticated == true
            ? $"{context.User.Identity.Name} ({Access.Roles.Of(context.User)})"
            : "anonymous";
        warehouse.Write(c => c.Execute("insert into audit_log values (now(), $actor, $action, $detail, $address)",
            new { actor, action, detail, address = context.Connection.RemoteIpAddress?.ToString() }));
    }
}
