using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiChangeInsights.Tests.Access;

/// <summary>
/// The whole authorization code flow with PKCE, walked step by step with an HttpClient against the app and a real
/// OpenID Connect provider (<see cref="OidcProvider"/>): what each mapped group may see, the refusal of an account
/// without a role, sign-out at both ends.
/// </summary>
public sealed class OidcSignInTests(OidcApp oidc) : IClassFixture<OidcApp>
{
    [Fact]
    public async Task An_analyst_signs_in_at_the_provider_with_pkce_and_sees_the_overview()
    {
        var agent = new Agent(oidc);

        var landed = await agent.SignIn(OidcProvider.Analyst, returnUrl: "/");

        var authorize = agent.AuthorizeRequest!;
        authorize.GetLeftPart(UriPartial.Path).ShouldBe(oidc.Provider.Authority + "connect/authorize");
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        query["response_type"].ShouldBe("code");
        query["code_challenge_method"].ShouldBe("S256");
        query["code_challenge"].ShouldNotBeNullOrEmpty();
        query["client_id"].ShouldBe(OidcProvider.PublicClientId);
        query["redirect_uri"].ShouldBe($"{oidc.BaseUrl}/signin-oidc");
        query["scope"]!.Split(' ').ShouldBe(["openid", "profile", "email"], ignoreOrder: true);
        landed.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/");
        landed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await landed.Content.ReadAsStringAsync();
        page.ShouldContain("Ana Analyst (Analyst)");
        (await agent.Get("/imports")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.Get("/admin")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_works_council_member_lands_on_acceptance_and_gets_403_on_the_overview()
    {
        var agent = new Agent(oidc);

        var landed = await agent.SignIn(OidcProvider.WorksCouncil);

        landed.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/acceptance");
        landed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await landed.Content.ReadAsStringAsync()).ShouldContain("Wim Works-Council (WorksCouncil)");
        (await agent.Get("/")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.Get("/acceptance")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_account_whose_groups_map_to_no_role_is_not_signed_in_and_told_what_to_ask_IT()
    {
        var agent = new Agent(oidc);

        var refused = await agent.SignIn(OidcProvider.Unmapped, returnUrl: "/");

        refused.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/signin/no-role");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("Your account has no role in AiChangeInsights");
        page.ShouldContain("Ask IT to add you to one of these groups");
        page.ShouldContain("ai-analysts");
        var warehouse = oidc.App.Services.GetRequiredService<AiChangeInsights.Warehouse.Warehouse>();
        warehouse.Read(c => c.QuerySingle<(string, string)>(
            "select action, detail from audit_log order by occurred_at desc limit 1")).ShouldBe(("sign-in refused", "oidc; no group maps to a role"));
        agent.Cookies.GetCookies(new Uri(oidc.BaseUrl))["aci-auth"].ShouldBeNull();
        var home = await agent.Get("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(new Uri(oidc.BaseUrl), home.Headers.Location!).AbsolutePath.ShouldBe("/signin");
    }

    [Fact]
    public async Task Groups_that_map_to_two_roles_give_the_one_with_the_least_access()
    {
        var agent = new Agent(oidc);

        var landed = await agent.SignIn(OidcProvider.AnalystAndAdmin, returnUrl: "/");

        (await landed.Content.ReadAsStringAsync()).ShouldContain("Iris IT (Analyst)");
        (await agent.Get("/admin")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.Get("/imports")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sign_in_is_audited_with_the_role_and_no_name_or_email()
    {
        var agent = new Agent(oidc);
        await agent.SignIn(OidcProvider.AnalystAndAdmin, returnUrl: "/");

        var warehouse = oidc.App.Services.GetRequiredService<AiChangeInsights.Warehouse.Warehouse>();
        // The tests of this class run one after another: the latest sign-in is this one.
        var entry = warehouse.Read(c => c.QuerySingle<(string Actor, string? Detail)>(
            "select actor, detail from audit_log where action = 'sign-in' order by occurred_at desc limit 1"));

        entry.Actor.ShouldContain("Analyst");
        entry.Detail.ShouldBe("oidc; groups also map to Admin");
        foreach (var personal in new[] { "Iris", "iris@example.test", "u-iris" })
        {
            entry.Actor.ShouldNotContain(personal, Case.Insensitive);
            entry.Detail!.ShouldNotContain(personal, Case.Insensitive);
        }
    }

    [Fact]
    public async Task Sign_out_ends_the_session_here_and_at_the_provider()
    {
        var agent = new Agent(oidc);
        var page = await (await agent.SignIn(OidcProvider.Analyst, returnUrl: "/")).Content.ReadAsStringAsync();
        var endedBefore = oidc.Provider.EndedSessions;

        var signOut = await agent.Post("/signout", Agent.HiddenFields(page));

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var endSession = signOut.Headers.Location!;
        endSession.GetLeftPart(UriPartial.Path).ShouldBe(oidc.Provider.Authority + "connect/logout");
        var query = System.Web.HttpUtility.ParseQueryString(endSession.Query);
        query["post_logout_redirect_uri"].ShouldBe($"{oidc.BaseUrl}/signout-callback-oidc");
        query["id_token_hint"].ShouldNotBeNullOrEmpty();
        var back = await agent.Follow(signOut);
        back.RequestMessage!.RequestUri!.ToString().ShouldBe($"{oidc.BaseUrl}/signin");
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        oidc.Provider.EndedSessions.ShouldBe(endedBefore + 1);

        // Here: the dashboard wants a sign-in again. There: the provider asks who you are again.
        (await agent.Get("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await agent.Follow(await agent.Get("/signin/oidc"));
        again.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/login");
        (await again.Content.ReadAsStringAsync()).ShouldContain("Pick an account");
    }

    [Fact]
    public async Task Sign_out_without_the_forms_token_is_refused_and_the_session_stays()
    {
        var agent = new Agent(oidc);
        await agent.SignIn(OidcProvider.Analyst, returnUrl: "/");

        var signOut = await agent.Post("/signout", new Dictionary<string, string>());

        signOut.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await agent.Get("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Demo_sign_in_is_gone_and_the_sign_in_page_links_to_the_provider()
    {
        var agent = new Agent(oidc);

        var demo = await agent.Post("/signin", new Dictionary<string, string> { ["role"] = "Admin" });
        var page = await (await agent.Get("/signin?ReturnUrl=%2Fmaturity")).Content.ReadAsStringAsync();

        demo.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.ShouldContain("href=\"/signin/oidc?returnUrl=%2Fmaturity\"");
        page.ShouldNotContain("data-role=");
        page.ShouldNotContain("Demo mode");
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        var agent = new Agent(oidc);

        var landed = await agent.SignIn(OidcProvider.Analyst, returnUrl: "https://evil.example/steal");

        landed.RequestMessage!.RequestUri!.ToString().ShouldBe($"{oidc.BaseUrl}/");
    }

    [Fact]
    public async Task A_callback_that_no_sign_in_here_started_ends_on_the_sign_in_page_with_a_message()
    {
        var agent = new Agent(oidc);

        var callback = await agent.Post("/signin-oidc", new Dictionary<string, string> { ["code"] = "stolen", ["state"] = "forged" });

        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await agent.Follow(callback);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("did not complete");
        agent.Cookies.GetCookies(new Uri(oidc.BaseUrl))["aci-auth"].ShouldBeNull();
    }

    /// <summary>
    /// A user agent without a browser: one cookie jar for app and provider (both on 127.0.0.1), each redirect walked
    /// by hand, the provider's auto-submitting form_post page posted as a browser would.
    /// </summary>
    sealed class Agent(OidcApp oidc)
    {
        public CookieContainer Cookies { get; } = new();
        HttpClient Http => http ??= oidc.NewClient(Cookies);
        HttpClient? http;
        public Uri? AuthorizeRequest { get; private set; }

        public Task<HttpResponseMessage> Get(string url) => Http.GetAsync(url);

        public Task<HttpResponseMessage> Post(string url, IDictionary<string, string> form) => Http.PostAsync(url, new FormUrlEncodedContent(form));

        public async Task<HttpResponseMessage> Follow(HttpResponseMessage response)
        {
            for (var hops = 0; IsRedirect(response.StatusCode); hops++)
            {
                hops.ShouldBeLessThan(10, "too many redirects");
                response = await Get(new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!).ToString());
            }
            return response;
        }

        /// <summary>/signin/oidc → provider → login page → pick <paramref name="user"/> → form_post back → landed.</summary>
        public async Task<HttpResponseMessage> SignIn(OidcProvider.User user, string? returnUrl = null)
        {
            var challenge = await Get(returnUrl is null ? "/signin/oidc" : $"/signin/oidc?returnUrl={Uri.EscapeDataString(returnUrl)}");
            challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            AuthorizeRequest = challenge.Headers.Location;

            var login = await Follow(challenge);
            login.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/login");
            var loginForm = HiddenFields(await login.Content.ReadAsStringAsync());
            loginForm["user"] = user.Id;
            var authorized = await Follow(await Post(oidc.Provider.Authority + "login", loginForm));

            // The provider answers with a page whose form posts the code back to the app (response_mode=form_post).
            var formPost = await authorized.Content.ReadAsStringAsync();
            authorized.StatusCode.ShouldBe(HttpStatusCode.OK, formPost);
            var action = WebUtility.HtmlDecode(Regex.Match(formPost, "<form[^>]*action=\"([^\"]+)\"").Groups[1].Value);
            action.ShouldBe($"{oidc.BaseUrl}/signin-oidc");
            return await Follow(await Post(action, HiddenFields(formPost)));
        }

        public static Dictionary<string, string> HiddenFields(string html) =>
            Regex.Matches(html, "<input[^>]*type=\"hidden\"[^>]*>").Select(m => m.Value)
                .Select(input => (Name: Attribute(input, "name"), Value: Attribute(input, "value")))
                .Where(f => f.Name is not null)
                .GroupBy(f => f.Name!).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Value ?? ""));

        static string? Attribute(string tag, string name) => Regex.Match(tag, $"\\b{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

        static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;
    }
}

/// <summary>Production never runs the password-less demo accounts; a half-done OIDC configuration names its gap.</summary>
public sealed class OidcStartTests
{
    [Fact]
    public void Production_without_OpenID_Connect_refuses_to_start_with_one_clear_message()
    {
        using var data = new TestWarehouse();
        data.Close();
        using var app = new Configured(data.Folder, Environments.Production, []);

        var refusal = Should.Throw<InvalidOperationException>(() => app.CreateClient());

        refusal.Message.ShouldBe("AiChangeInsights will not start in Production without OpenID Connect: set Authentication:Oidc:Authority, " +
                                 "ClientId and RoleMap, or run with ASPNETCORE_ENVIRONMENT=Development for the local demo mode.");
    }

    [Fact]
    public async Task Production_with_OpenID_Connect_starts()
    {
        using var data = new TestWarehouse();
        data.Close();
        using var app = new Configured(data.Folder, Environments.Production, new()
        {
            ["Authentication:Oidc:Authority"] = "https://login.example.test/tenant/v2.0",
            ["Authentication:Oidc:ClientId"] = "aci",
            ["Authentication:Oidc:RoleMap:ai-analysts"] = "Analyst",
        });

        (await app.CreateClient().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Production_does_not_fetch_the_providers_keys_over_http()
    {
        using var data = new TestWarehouse();
        data.Close();
        using var app = new Configured(data.Folder, Environments.Production, new()
        {
            ["Authentication:Oidc:Authority"] = "http://login.example.test/",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
            ["Authentication:Oidc:ClientId"] = "aci",
            ["Authentication:Oidc:RoleMap:ai-analysts"] = "Analyst",
        });

        Should.Throw<InvalidOperationException>(() => app.CreateClient()).Message.ShouldContain("RequireHttpsMetadata=false");
    }

    [Fact]
    public async Task In_demo_mode_the_provider_addresses_answer_404()
    {
        using var data = new TestWarehouse();
        data.Close();
        using var app = new Configured(data.Folder, Environments.Development, []);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await client.GetAsync("/signin/oidc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/signin/no-role")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("ClientId", null, "Authentication:Oidc:ClientId is missing")]
    [InlineData("RoleMap:ai-analysts", null, "Authentication:Oidc:RoleMap is empty, so nobody could sign in")]
    [InlineData("RoleMap:ai-analysts", "Analysts", "Authentication:Oidc:RoleMap:ai-analysts = 'Analysts' is not a role of AiChangeInsights")]
    [InlineData("RoleMap:ai-analysts", "1", "Authentication:Oidc:RoleMap:ai-analysts = '1' is not a role of AiChangeInsights")]
    [InlineData("Authority", "http://login.example.test/", "Authentication:Oidc:Authority must use https")]
    public void A_half_done_OpenID_Connect_configuration_stops_the_start_and_names_the_key(string key, string? value, string message)
    {
        using var data = new TestWarehouse();
        data.Close();
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "https://login.example.test/",
            ["Authentication:Oidc:ClientId"] = "aci",
            ["Authentication:Oidc:RoleMap:ai-analysts"] = "Analyst",
        };
        settings[$"Authentication:Oidc:{key}"] = value;
        using var app = new Configured(data.Folder, Environments.Development, settings);

        var refusal = Should.Throw<InvalidOperationException>(() => app.CreateClient());

        refusal.Message.ShouldContain(message);
    }

    sealed class Configured(string folder, string environment, Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Warehouse:DataFolder", folder);
            builder.UseSetting("Privacy:SiteSecret", TestWarehouse.Secret);
            foreach (var (key, value) in settings)
                if (value is not null) builder.UseSetting(key, value);
        }
    }
}
