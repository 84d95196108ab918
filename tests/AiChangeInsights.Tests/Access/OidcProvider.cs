using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AiChangeInsights.Tests.Access;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) in the test process, on its own loopback port over http: discovery,
/// authorization (after a login page where the test picks a user), token, userinfo and end-session endpoints, PKCE
/// required. Two clients are registered for the app under test: a public one (PKCE only) and a confidential one
/// (PKCE and a secret). Its users carry a "groups" claim, as Microsoft Entra ID and Keycloak send it.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public sealed record User(string Id, string Name, string Email, string[] Groups);

    public static readonly User Analyst = new("u-ana", "Ana Analyst", "ana@example.test", ["staff", "ai-analysts"]);
    public static readonly User WorksCouncil = new("u-wim", "Wim Works-Council", "wim@example.test", ["staff", "ai-works-council"]);
    public static readonly User Unmapped = new("u-nora", "Nora No-Role", "nora@example.test", ["staff", "sales"]);
    /// <summary>In the analysts' and the admins' group: gets the role with the least access (Analyst).</summary>
    public static readonly User AnalystAndAdmin = new("u-iris", "Iris IT", "iris@example.test", ["ai-analysts", "ai-admins"]);
    public static readonly User[] Users = [Analyst, WorksCouncil, Unmapped, AnalystAndAdmin];

    public const string PublicClientId = "aci-public";
    public const string ConfidentialClientId = "aci";
    public const string ConfidentialClientSecret = "test-client-secret-0123456789abcdef";
    const string Session = "provider-session";

    readonly WebApplication app;

    /// <summary>http://127.0.0.1:{port}/, known once the provider listens.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>Sessions the provider ended at its end-session endpoint.</summary>
    public int EndedSessions => endedSessions;
    int endedSessions;

    OidcProvider(WebApplication app) => this.app = app;

    /// <summary>Starts the provider for an app that will listen at <paramref name="appBaseUrl"/> (http://127.0.0.1:port).</summary>
    public static async Task<OidcProvider> Start(string appBaseUrl)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development, ApplicationName = typeof(OidcProvider).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        // Named once, outside the AddDbContext lambda: a name made inside it gives every request an empty store.
        var database = "oidc-provider-" + Guid.NewGuid().ToString("N");
        builder.Services.AddDbContext<ProviderStore>(options => options
            .UseInMemoryDatabase(database)
            .ConfigureWarnings(w => w.Ignore(InMemoryEventId.TransactionIgnoredWarning))
            .UseOpenIddict());
        builder.Services.AddAuthentication(Session).AddCookie(Session, options =>
        {
            options.Cookie.Name = Session;
            options.LoginPath = "/login";
        });
        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ProviderStore>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/logout");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
                options.RegisterClaims("groups");
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement(); // http on loopback
            });

        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseAuthentication();
        var provider = new OidcProvider(app);
        provider.MapEndpoints();
        await app.StartAsync();
        provider.Authority = app.Urls.Single().TrimEnd('/') + "/";

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            await applications.CreateAsync(Client(PublicClientId, null, appBaseUrl));
            await applications.CreateAsync(Client(ConfidentialClientId, ConfidentialClientSecret, appBaseUrl));
        }
        return provider;
    }

    static OpenIddictApplicationDescriptor Client(string clientId, string? secret, string appBaseUrl)
    {
        var client = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = secret is null ? ClientTypes.Public : ClientTypes.Confidential,
            DisplayName = "AiChangeInsights",
            RedirectUris = { new Uri($"{appBaseUrl}/signin-oidc") },
            PostLogoutRedirectUris = { new Uri($"{appBaseUrl}/signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        return client;
    }

    void MapEndpoints()
    {
        // The login page: one button per test user, as a provider's account picker would show them.
        app.MapGet("/login", (string? returnUrl) => Results.Content(LoginPage(returnUrl ?? "/"), "text/html; charset=utf-8"));
        app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var user = Users.SingleOrDefault(u => u.Id == form["user"]);
            if (user is null) return Results.BadRequest("unknown user");
            await context.SignInAsync(Session, new ClaimsPrincipal(new ClaimsIdentity([new Claim(Claims.Subject, user.Id)], Session)));
            var returnUrl = form["returnUrl"].ToString();
            return Results.Redirect(returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
        }).DisableAntiforgery();

        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
            var session = await context.AuthenticateAsync(Session);
            if (!session.Succeeded)
                return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.Path + context.Request.QueryString }, [Session]);
            var user = Users.Single(u => u.Id == session.Principal!.FindFirst(Claims.Subject)!.Value);

            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, user.Id).SetClaim(Claims.Name, user.Name)
                .SetClaim(Claims.Email, user.Email).SetClaim(Claims.PreferredUsername, user.Email);
            identity.SetClaims("groups", [.. user.Groups]);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
        {
            var token = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = Users.Single(u => u.Id == token.Principal!.GetClaim(Claims.Subject));
            return Results.Json(new Dictionary<string, object>
            {
                [Claims.Subject] = user.Id, [Claims.Name] = user.Name, [Claims.Email] = user.Email, ["groups"] = user.Groups,
            });
        });

        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
        {
            await context.SignOutAsync(Session);
            Interlocked.Increment(ref endedSessions);
            // OpenIddict sends the browser on to the client's registered post_logout_redirect_uri.
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
    }

    static string LoginPage(string returnUrl)
    {
        var html = HtmlEncoder.Default;
        var buttons = string.Join("\n", Users.Select(u =>
            $"""<li><button type="submit" name="user" value="{html.Encode(u.Id)}" data-user="{html.Encode(u.Id)}"><strong>{html.Encode(u.Name)}</strong><br><span>{html.Encode(u.Email)} · groups: {html.Encode(string.Join(", ", u.Groups))}</span></button></li>"""));
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Test identity provider – sign in</title>
            <style>
              body { font-family: system-ui, sans-serif; background: #eef1f5; margin: 0; }
              main { max-width: 28rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 8px #0002; }
              h1 { font-size: 1.3rem; margin-top: 0; } ul { list-style: none; padding: 0; }
              button { width: 100%; text-align: left; margin: .3rem 0; padding: .7rem; border: 1px solid #c5ccd6; border-radius: 6px; background: #fafbfc; cursor: pointer; }
              button span { color: #5b6573; font-size: .85rem; }
            </style></head>
            <body><main>
              <h1>Test identity provider</h1>
              <p>Pick an account to sign in to AiChangeInsights.</p>
              <form method="post" action="/login">
                <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl)}}">
                <ul>{{buttons}}</ul>
              </form>
            </main></body></html>
            """;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    sealed class ProviderStore(DbContextOptions<ProviderStore> options) : DbContext(options);
}
