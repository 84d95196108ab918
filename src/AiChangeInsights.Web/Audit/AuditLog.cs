using System.Security.Claims;
using Dapper;

namespace AiChangeInsights.Web.Audit;

/// <summary>
/// Every sign-in, upload, export, undo, mapping and settings change: who, when, what, from where. "Who" is the
/// role and a pseudonym of the account (an HMAC under the site secret in its own domain, first 12 characters; never
/// a person_key, so it joins to no employee's rows): the warehouse holds no names or e-mail addresses, not even its
/// users'. The Admin page finds an account's entries from its e-mail.
/// </summary>
public sealed class AuditLog(Warehouse.Warehouse warehouse)
{
    public void Write(HttpContext context, string action, string? detail) =>
        Write(Actor(context.User), action, detail, context.Connection.RemoteIpAddress?.ToString());

    public void Write(string actor, string action, string? detail, string? address) =>
        warehouse.Record(c => c.Execute("insert into audit_log values (now(), $actor, $action, $detail, $address)",
            new { actor, action, detail, address }));

    public string Actor(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return "anonymous";
        var role = Access.Roles.Of(user)?.ToString() ?? "no role";
        if (user.FindFirst(ClaimTypes.AuthenticationMethod)?.Value == "demo") return $"demo {role}";
        if (user.FindFirst(Access.ApiKeyAuthentication.KeyNameClaim)?.Value is { } key) return $"{role} api-key {key}";
        var account = user.FindFirst(ClaimTypes.Email)?.Value ?? user.FindFirst("preferred_username")?.Value
                      ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity.Name ?? "";
        return $"{role} {Pseudonym(account)}";
    }

    /// <summary>The account's pseudonym as the audit log shows it.</summary>
    public string Pseudonym(string account) => warehouse.Pseudonymiser.AccountKey(account)[..12];

    public sealed record Entry(DateTime OccurredAt, string Actor, string Action, string? Detail, string? RemoteAddress);

    public IReadOnlyList<Entry> Recent(int count, string? actorContains = null, string? action = null) => warehouse.Read(c => c.Query<Entry>("""
        select occurred_at, actor, action, detail, remote_address from audit_log
        where ($actor is null or actor like '%' || $actor || '%') and ($action is null or action = $action)
        order by occurred_at desc limit $count
        """, new { count, actor = actorContains, action }).ToList());
}
