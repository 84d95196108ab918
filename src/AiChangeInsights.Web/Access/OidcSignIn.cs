using System.Security.Claims;
using AiChangeInsights.Web.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AiChangeInsights.Web.Access;

/// <summary>
/// What Authentication:Oidc in configuration says. Null (see <see cref="From"/>) means demo mode; a half-done
/// configuration stops the start with a message that names the key to fix, because a server nobody can sign in to
/// fails only later, at the first user, with an error that points nowhere.
/// </summary>
public sealed record OidcSettings(
    Uri Authority, string ClientId, string? ClientSecret, IReadOnlyList<string> Scopes, string RoleClaim,
    IReadOnlyDictionary<string, Role> RoleMap, bool RequireHttpsMetadata)
{
    public const string Section = "Authentication:Oidc";

    public static OidcSettings? From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var authority = section["Authority"];
        if (string.IsNullOrWhiteSpace(authority)) return null;

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var authorityUri) || authorityUri.Scheme is not ("https" or "http"))
            throw Refuse($"{Section}:Authority must be the provider's address, e.g. https://login.microsoftonline.com/{{tenant id}}/v2.0; it is '{authority}'.");
        var requireHttps = !bool.TryParse(section["RequireHttpsMetadata"], out var required) || required;
        if (requireHttps && authorityUri.Scheme != "https")
            throw Refuse($"{Section}:Authority must use https ('{authority}'); {Section}:RequireHttpsMetadata=false is for tests and development only.");
        var clientId = section["ClientId"];
        if (string.IsNullOrWhiteSpace(clientId))
            throw Refuse($"{Section}:ClientId is missing: register AiChangeInsights as an application at the provider and set its client id.");

        var roleMap = new Dictionary<string, Role>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in section.GetSection("RoleMap").GetChildren())
        {
            if (Enum.GetNames<Role>().FirstOrDefault(n => string.Equals(n, entry.Value?.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } name)
                throw Refuse($"{Section}:RoleMap:{entry.Key} = '{entry.Value}' is not a role of AiChangeInsights: use Leadership, Analyst, WorksCouncil or Admin.");
            roleMap[entry.Key] = Enum.Parse<Role>(name);
        }
        if (roleMap.Count == 0)
            throw Refuse($"{Section}:RoleMap is empty, so nobody could sign in: map each group or role of the provider to a role, e.g. {Section}:RoleMap:ai-analysts=Analyst.");

        // "openid profile email" as one value, or Scopes:0, Scopes:1, ... as a list.
        IEnumerable<string?> scopes = section.GetSection("Scopes").GetChildren().Select(s => s.Value).ToList() is { Count: > 0 } listed
            ? listed
            : (section["Scopes"] ?? "openid profile email").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var roleClaim = string.IsNullOrWhiteSpace(section["RoleClaim"]) ? "roles" : section["RoleClaim"]!.Trim();

        return new OidcSettings(authorityUri, clientId.Trim(), string.IsNullOrWhiteSpace(section["ClientSecret"]) ? null : section["ClientSecret"],
            ["openid", .. scopes.Select(s => s?.Trim() ?? "").Where(s => s is not ("" or "openid")).Distinct()], roleClaim, roleMap, requireHttps);
    }

    static InvalidOperationException Refuse(string message) =>
        new($"AiChangeInsights will not start: the OpenID Connect configuration is incomplete. {message}");
}

/// <summary>
/// Sign-in with the organisation's OpenID Connect provider (Microsoft Entra ID, Keycloak, ...): authorization code
/// flow with PKCE, the provider's group or role claim mapped to one of our four roles, signed out here and at the
/// provider together. Without Authentication:Oidc:Authority the app stays in demo mode (<see cref="DemoMode"/>).
/// </summary>
public static class OidcSignIn
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string NoRolePath = "/signin/no-role";
    public const string FailedPath = "/signin?failed=true";
    const string LandByRole = "aci.land-by-role";

    /// <summary>
    /// When a user's groups map to several roles, the one with the least access wins (first in this list).
    /// Group memberships pile up (nested groups, "all IT" groups, leftovers from a previous job); a mistake then shows
    /// as a user who sees too little and asks, never as one who silently sees too much. Someone who really needs two
    /// roles gets them from two accounts, as IT usually keeps admin work on a separate account anyway.
    /// </summary>
    public static readonly Role[] LeastAccessFirst = [Role.WorksCouncil, Role.Leadership, Role.Analyst, Role.Admin];

    public static AuthenticationBuilder AddOidcSignIn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var settings = OidcSettings.From(configuration);
        if (settings is null) return authentication;
        var services = authentication.Services;
        services.AddSingleton(settings);

        // Outside demo mode the session cookie never travels without TLS (an HttpClient test over http switches this
        // off in its own host, never through configuration). The antiforgery cookie keeps its default (Secure on https
        // requests): with Always it throws on every page a proxy forwards as http, and it is no credential.
        services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
            options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);

        return authentication.AddOpenIdConnect(Scheme, "Organisation account", options =>
        {
            options.Authority = settings.Authority.ToString();
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret; // null for a public client: PKCE alone protects the code
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            // form_post (the default) keeps the code out of URLs, logs and history; the correlation and nonce cookies
            // stay SameSite=None + Secure, which that cross-site POST needs.
            options.ResponseMode = OpenIdConnectResponseMode.FormPost;
            options.Scope.Clear();
            foreach (var scope in settings.Scopes) options.Scope.Add(scope);
            options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.SignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.SignedOutRedirectUri = "/signin";
            // Claim names as the provider sends them: its "roles" must never turn into our role claim unmapped.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = "name";
            options.GetClaimsFromUserInfoEndpoint = true;
            options.ClaimActions.MapJsonKey(settings.RoleClaim, settings.RoleClaim); // some providers send groups only there
            options.SaveTokens = true; // the id token, as id_token_hint for the provider's sign-out (trimmed below)
            options.DisableTelemetry = true;
            options.Events.OnTicketReceived = context => SignIn(context, settings);
            options.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn))
                    .LogWarning(context.Failure, "OpenID Connect sign-in did not complete");
                context.Response.Redirect(FailedPath);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>The provider's account, reduced to what the app needs, with its mapped role; or refused.</summary>
    static Task SignIn(TicketReceivedContext context, OidcSettings settings)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn));
        var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
        var account = context.Principal!;
        var values = account.FindAll(settings.RoleClaim).Select(c => c.Value).Distinct().ToList();
        var mapped = values.Where(settings.RoleMap.ContainsKey).Select(v => settings.RoleMap[v]).ToHashSet();
        if (mapped.Count == 0)
        {
            if (account.HasClaim(c => c.Type is "_claim_names" or "hasgroups"))
                logger.LogWarning("The provider left the groups out of the token (Entra ID sends none above 200 groups): assign the groups to the application or emit only groups assigned to it");
            logger.LogWarning("Sign-in refused: the account's {RoleClaim} claim ({Values}) maps to no role", settings.RoleClaim, string.Join(", ", values));
            context.HttpContext.User = Reduced(account, role: null);
            audit.Write(context.HttpContext, "sign-in refused", "oidc; no group maps to a role");
            context.Response.Redirect(NoRolePath);
            context.HandleResponse();
            return Task.CompletedTask;
        }
        var role = LeastAccessFirst.First(mapped.Contains);
        if (mapped.Count > 1)
            logger.LogWarning("An account's groups map to {Roles}; it gets {Role}, the role with the least access", string.Join(", ", mapped), role);
        context.Principal = Reduced(account, role);

        // Only the id token stays in the cookie (the provider's sign-out wants it); access tokens are of no use here.
        if (context.Properties is { } properties)
        {
            properties.StoreTokens(properties.GetTokens().Where(t => t.Name == OpenIdConnectParameterNames.IdToken).ToList());
            if (properties.Items.Remove(LandByRole)) context.ReturnUri = Landing(role);
        }

        context.HttpContext.User = context.Principal;
        audit.Write(context.HttpContext, "sign-in", mapped.Count > 1 ? $"oidc; groups also map to {string.Join(", ", mapped.Where(r => r != role))}" : "oidc");
        return Task.CompletedTask;
    }

    /// <summary>
    /// What the session keeps: a display name for the header, the identifiers the audit log makes its pseudonym from,
    /// and our role. Not the provider's groups or roles, so nothing else can read them as ours.
    /// </summary>
    static ClaimsPrincipal Reduced(ClaimsPrincipal account, Role? role)
    {
        string? First(params string[] types) => types.Select(t => account.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, First("name", "preferred_username", "email", "sub") ?? "user"),
            new(ClaimTypes.AuthenticationMethod, "oidc"),
        };
        if (role is not null) claims.Add(new Claim(ClaimTypes.Role, role.Value.ToString()));
        if (First("sub") is { } subject) claims.Add(new Claim(ClaimTypes.NameIdentifier, subject));
        if (First("email") is { } email) claims.Add(new Claim(ClaimTypes.Email, email));
        if (First("preferred_username", "upn") is { } username) claims.Add(new Claim("preferred_username", username));
        // The provider's session id and issuer let its front-channel sign-out (/signout-oidc) end only this session.
        if (First("sid") is { } session) claims.Add(new Claim("sid", session));
        if (account.FindFirst("sub")?.Issuer is { Length: > 0 } issuer && issuer != ClaimsIdentity.DefaultIssuer) claims.Add(new Claim("iss", issuer));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static void MapOidcSignIn(this WebApplication app)
    {
        app.MapGet("/signin/oidc", (HttpContext context, string? returnUrl) =>
        {
            if (context.RequestServices.GetService<OidcSettings>() is null) return Results.NotFound();
            var properties = new AuthenticationProperties { RedirectUri = IsLocal(returnUrl) ? returnUrl : "/" };
            if (!IsLocal(returnUrl)) properties.Items[LandByRole] = "1";
            return Results.Challenge(properties, [Scheme]);
        });
    }

    /// <summary>Signs out here (the cookie) and at the provider, which comes back to /signin.</summary>
    public static IResult SignOut() =>
        Results.SignOut(new AuthenticationProperties { RedirectUri = "/signin" }, [CookieAuthenticationDefaults.AuthenticationScheme, Scheme]);

    /// <summary>
    /// Production never runs the password-less demo accounts: without OpenID Connect the start stops here, before
    /// the warehouse opens, with the one thing to do.
    /// </summary>
    public static void RefuseProductionWithoutOidc(this WebApplication app)
    {
        if (!app.Environment.IsProduction()) return;
        if (DemoMode.IsOn(app.Configuration))
            throw new InvalidOperationException(
                "AiChangeInsights will not start in Production without OpenID Connect: set Authentication:Oidc:Authority, ClientId and RoleMap, " +
                "or run with ASPNETCORE_ENVIRONMENT=Development for the local demo mode.");
        if (app.Services.GetService<OidcSettings>() is { RequireHttpsMetadata: false })
            throw new InvalidOperationException(
                "AiChangeInsights will not start in Production with Authentication:Oidc:RequireHttpsMetadata=false: the provider's keys " +
                "must come over https. Remove the setting (it is for tests and development).");
    }

    static string Landing(Role role) => role switch { Role.WorksCouncil => "/acceptance", Role.Admin => "/admin", _ => "/" };

    static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && Uri.IsWellFormedUriString(url, UriKind.Relative);
}
