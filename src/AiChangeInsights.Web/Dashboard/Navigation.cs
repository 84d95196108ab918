using AiChangeInsights.Web.Access;

namespace AiChangeInsights.Web.Dashboard;

/// <summary>The pages in the menu, each shown only to the roles that may open it (RouteAccess enforces it).</summary>
public static class Navigation
{
    public sealed record Entry(string Path, string En, string Nl, Role[] Roles);

    public static readonly IReadOnlyList<Entry> Pages =
    [
        new("/", "Overview", "Overzicht", Access.Roles.Dashboard),
        new("/adoption", "Adoption", "Adoptie", Access.Roles.Dashboard),
        new("/checkpoints", "Checkpoints", "Meetmomenten", Access.Roles.Dashboard),
        new("/activities", "Activities", "Activiteiten", Access.Roles.Dashboard),
        new("/maturity", "Maturity", "Volwassenheid", Access.Roles.Dashboard),
        new("/people", "People & resistance", "Mensen & weerstand", Access.Roles.Dashboard),
        new("/acceptance", "Acceptance & trends", "Acceptatie & trends", Access.Roles.Acceptance),
        new("/reports", "Reports", "Rapporten", Access.Roles.Dashboard),
        new("/imports", "Imports", "Imports", Access.Roles.Analysts),
        new("/admin", "Admin", "Beheer", Access.Roles.Admins),
    ];

    public static IEnumerable<Entry> For(Role? role) => role is null ? [] : Pages.Where(p => p.Roles.Contains(role.Value));
}
