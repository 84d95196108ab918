using AiChangeInsights.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiChangeInsights.Web.Pages.SignIn;

/// <summary>Sign-in: in demo mode one button per role; with OpenID Connect a link to the organisation's provider.</summary>
public sealed class IndexModel(IConfiguration configuration) : PageModel
{
    public bool Demo => DemoMode.IsOn(configuration);
    public string ReturnUrl { get; private set; } = "";

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl ?? "";
}
