using AiChangeInsights.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiChangeInsights.Web.Pages.SignIn;

/// <summary>
/// Where the provider's sign-in ends for an account whose groups map to no role: a 403 that says what to ask IT
/// for. The account was not signed in here.
/// </summary>
public sealed class NoRoleModel(IServiceProvider services) : PageModel
{
    public string RoleClaim { get; private set; } = "";
    public IReadOnlyList<(string Group, Role Role)> Groups { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (services.GetService<OidcSettings>() is not { } settings) return NotFound();
        RoleClaim = settings.RoleClaim;
        Groups = settings.RoleMap.OrderBy(m => Array.IndexOf(OidcSignIn.LeastAccessFirst, m.Value)).ThenBy(m => m.Key)
            .Select(m => (m.Key, m.Value)).ToList();
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
