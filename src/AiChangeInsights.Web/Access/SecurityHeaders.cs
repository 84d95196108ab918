namespace AiChangeInsights.Web.Access;

/// <summary>
/// Headers on every response. The content security policy allows only this site's own scripts and the Blazor
/// circuit's WebSocket; Plotly needs inline styles (it sizes SVG with style attributes) and images from data: URLs
/// for its toolbar; nothing may frame the dashboard.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// With OpenID Connect the provider is a form target too: the sign-out form posts to /signout, which redirects to
    /// the provider's end-session endpoint, and Chromium checks form-action on every redirect of a form's navigation.
    /// </summary>
    public static string PolicyFor(Uri? oidcProvider) => oidcProvider is null
        ? ContentSecurityPolicy
        : ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {oidcProvider.GetLeftPart(UriPartial.Authority)}");

    public static void UseSecurityHeaders(this WebApplication app, bool demo)
    {
        var policy = PolicyFor(app.Services.GetService<OidcSettings>()?.Authority);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers["Content-Security-Policy"] = policy;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // Demo mode has accounts without passwords: it serves this machine only, whatever address Kestrel binds.
            if (demo && context.Connection.RemoteIpAddress is { } remote && !System.Net.IPAddress.IsLoopback(remote))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Demo mode answers only on this machine (loopback). Configure OpenID Connect to serve others.");
                return;
            }
            await next();
        });
    }
}
