using Microsoft.AspNetCore.Authentication;

namespace AiChangeInsights.Web.Access;

/// <summary>
/// Who may reach which address: the one route x role table of the app, enforced by one middleware before any
/// page, export or API runs. Anonymous visitors of a protected page are sent to sign in (302), API calls get 401,
/// signed-in users without the role get 403. Exports add a per-chart check (the works council only reaches the
/// anonymised acceptance charts).
/// </summary>
public static class RouteAccess
{
    public sealed record Rule(string Path, bool Prefix, Role[]? Allowed)
    {
        public bool Anonymous => Allowed is null;

        public bool Matches(PathString path) => Prefix
            ? path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase)
            : path.Equals(Path, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>First match wins. Unlisted addresses need a signed-in user of any role.</summary>
    public static readonly IReadOnlyList<Rule> Table =
    [
        new("/health", false, null),
        new("/signin", false, null),
        new("/signin/oidc", false, null),
        new("/signin/no-role", false, null),
        new("/signout", false, null),
        new("/css", true, null),
        new("/js", true, null),
        new("/_content", true, null),
        new("/_framework", true, null),
        new("/favicon.ico", false, null),
        new("/", false, Roles.Dashboard),
        new("/adoption", true, Roles.Dashboard),
        new("/checkpoints", true, Roles.Dashboard),
        new("/activities", true, Roles.Dashboard),
        new("/maturity", true, Roles.Dashboard),
        new("/people", true, Roles.Dashboard),
        new("/reports", true, Roles.Dashboard),
        new("/acceptance", true, Roles.Acceptance),
        new("/export", true, Roles.Acceptance),
        new("/imports", true, Roles.Analysts),
        new("/api/imports", true, Roles.Analysts),
        new("/admin", true, Roles.Admins),
        new("/_blazor", true, [Role.Leadership, Role.Analyst, Role.WorksCouncil, Role.Admin]),
    ];

    public static Rule? For(PathString path) => Table.FirstOrDefault(r => r.Matches(path));

    public static void UseRouteAccess(this WebApplication app) => app.Use(async (context, next) =>
    {
        var rule = For(context.Request.Path);
        if (rule is { Anonymous: true })
        {
            await next();
            return;
        }
        var role = Roles.Of(context.User);
        if (context.User.Identity?.IsAuthenticated != true)
        {
            if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            else await context.ChallengeAsync();
            return;
        }
        if (role is null || (rule?.Allowed is { } allowed && !allowed.Contains(role.Value)))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        await next();
    });
}
