using AiChangeInsights.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiChangeInsights.Web.Pages.SignIn;

/// <summary>Sign-in: in demo mode one button per role; with OpenID Connect a link to the organisation's provider.</summary>
public sealed class IndexModel(IConfiguration configuration) : PageModel
{
    public bool Demo => DemoMode.IsOn(configuration);
    public string ReturnUrl { get; private set; } = "";

    /// <summary>The provider's sign-in came back broken (expired, cancelled, refused); the log has the reason.</summary>
    public bool Failed { get; private set; }

    public void OnGet(string? returnUrl, bool failed = false)
    {
        ReturnUrl = returnUrl ?? "";
        Failed = failed && !Demo;
    }
}
