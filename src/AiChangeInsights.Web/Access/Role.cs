namespace AiChangeInsights.Web.Access;

/// <summary>The four roles of DESIGN.md; the claim that carries them is <see cref="System.Security.Claims.ClaimTypes.Role"/>.</summary>
public enum Role { Leadership, Analyst, WorksCouncil, Admin }

public static class Roles
{
    public static readonly Role[] Dashboard = [Role.Leadership, Role.Analyst];
    public static readonly Role[] Acceptance = [Role.Leadership, Role.Analyst, Role.WorksCouncil];
    public static readonly Role[] Analysts = [Role.Analyst];
    public static readonly Role[] Admins = [Role.Admin];

    /// <summary>The user's role, or null for an anonymous user or one without a known role.</summary>
    public static Role? Of(System.Security.Claims.ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        foreach (var claim in user.FindAll(System.Security.Claims.ClaimTypes.Role))
            if (Enum.TryParse<Role>(claim.Value, ignoreCase: false, out var role)) return role;
        return null;
    }
}
