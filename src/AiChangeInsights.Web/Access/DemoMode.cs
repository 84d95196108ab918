using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AiChangeInsights.Web.Access;

/// <summary>
/// Without OpenID Connect configured the app runs in a clearly labelled demo mode: one demo account per role,
/// signed in by POST /signin with the form field role, and only from this machine (loopback).
/// </summary>
public static class DemoMode
{
    public static bool IsOn(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration["Authentication:Oidc:Authority"]);

    public static void MapDemoSignIn(this WebApplication app)
    {
        app.MapPost("/signin", async (HttpContext context, IConfiguration configuration) =>
        {
            if (!IsOn(configuration)) return Results.NotFound();
            if (!IsLoopback(context)) return Results.Problem("Demo sign-in only works on this machine (loopback).", statusCode: 403);
            var form = await context.Request.ReadFormAsync();
            if (!Enum.TryParse<Role>(form["role"], ignoreCase: false, out var role))
                return Results.BadRequest("role must be one of Leadership, Analyst, WorksCouncil, Admin");
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, $"Demo {role}"),
                new Claim(ClaimTypes.NameIdentifier, $"demo-{role.ToString().ToLowerInvariant()}"),
                new Claim(ClaimTypes.Role, role.ToString()),
                new Claim(ClaimTypes.AuthenticationMethod, "demo"),
            ], CookieAuthenticationDefaults.AuthenticationScheme);
            var principal = new ClaimsPrincipal(identity);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            var audit = context.RequestServices.GetRequiredService<Audit.AuditLog>();
            audit.Write(audit.Actor(principal), "sign-in", "demo", context.Connection.RemoteIpAddress?.ToString());
            var returnUrl = form["returnUrl"].ToString();
            var target = Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//")
                ? returnUrl
                : role switch { Role.WorksCouncil => "/acceptance", Role.Admin => "/admin", _ => "/" };
            return Results.Redirect(target);
        }).DisableAntiforgery();

        // Demo sign-in takes a bare POST (scripts and acceptance checks sign in with the role alone; it only ever
        // answers on loopback); sign-out is a form and checks its antiforgery token.
        app.MapPost("/signout", async (HttpContext context, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery, IConfiguration configuration) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("The form has expired; reload the page and sign out again.");
            if (!IsOn(configuration)) return OidcSignIn.SignOut(); // here and at the provider
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        }).DisableAntiforgery();
    }

    static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is null || IPAddress.IsLoopback(context.Connection.RemoteIpAddress);
}
