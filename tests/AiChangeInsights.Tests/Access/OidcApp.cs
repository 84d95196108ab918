using System.Net;
using System.Net.Sockets;
using AiChangeInsights.Web.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AiChangeInsights.Tests.Access;

/// <summary>
/// The real app in OpenID Connect mode on Kestrel (a real port: the provider redirects a client to it), signing in
/// at an <see cref="OidcProvider"/> of its own. The provider's groups map to roles as a deployment would configure.
/// </summary>
public class OidcApp : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string> RoleMap = new Dictionary<string, string>
    {
        ["ai-leadership"] = "Leadership", ["ai-analysts"] = "Analyst", ["ai-works-council"] = "WorksCouncil", ["ai-admins"] = "Admin",
    };

    readonly bool plainHttpCookies;
    readonly bool seed;
    readonly string clientId;
    readonly string? clientSecret;

    /// <summary>For HttpClient: a public client (PKCE only) and cookies that travel over http.</summary>
    public OidcApp() : this(plainHttpCookies: true, seed: false, OidcProvider.PublicClientId, null) { }

    /// <param name="plainHttpCookies">
    /// HttpClient's cookie container never sends a Secure cookie over http; a browser does on 127.0.0.1. Only an
    /// HttpClient test switches the production cookie settings off, in this test host, never by configuration.
    /// </param>
    protected OidcApp(bool plainHttpCookies, bool seed, string clientId, string? clientSecret)
    {
        this.plainHttpCookies = plainHttpCookies;
        this.seed = seed;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public OidcProvider Provider { get; private set; } = null!;
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public TestWarehouse Data { get; } = new();

    public virtual async Task InitializeAsync()
    {
        if (seed) DemoWarehouse.ImportSeedData(Data);
        Data.Close();
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        Provider = await OidcProvider.Start(BaseUrl);
        var settings = new Dictionary<string, string?>
        {
            ["Warehouse:DataFolder"] = Data.Folder,
            ["Privacy:SiteSecret"] = TestWarehouse.Secret,
            ["Authentication:Oidc:Authority"] = Provider.Authority,
            ["Authentication:Oidc:ClientId"] = clientId,
            ["Authentication:Oidc:ClientSecret"] = clientSecret,
            ["Authentication:Oidc:RoleClaim"] = "groups",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false", // the provider is http on loopback
        };
        foreach (var (group, role) in RoleMap) settings[$"Authentication:Oidc:RoleMap:{group}"] = role;
        App = new Factory(settings, plainHttpCookies);
        App.UseKestrel(port);
        App.StartServer();
    }

    /// <summary>A client with its own cookie jar that follows no redirects by itself (the tests walk each step).</summary>
    public HttpClient NewClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = new Uri(BaseUrl),
        };

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
        Data.Dispose();
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    sealed class Factory(IReadOnlyDictionary<string, string?> settings, bool plainHttpCookies) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
                if (value is not null) builder.UseSetting(key, value);
            if (!plainHttpCookies) return;
            builder.ConfigureTestServices(services =>
            {
                services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
                    options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
                services.PostConfigure<OpenIdConnectOptions>(OidcSignIn.Scheme, options =>
                {
                    options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                });
            });
        }
    }
}
