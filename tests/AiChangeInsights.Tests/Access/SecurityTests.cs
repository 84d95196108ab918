using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiChangeInsights.Tests.Web;
using AiChangeInsights.Tests.Web.Imports;
using AiChangeInsights.Web.Access;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using WarehouseDb = AiChangeInsights.Warehouse.Warehouse;

namespace AiChangeInsights.Tests.Access;

/// <summary>
/// The security headers on every response, pages that the content security policy lets run (no inline script or
/// event handler), antiforgery tokens on every form that posts, demo mode on loopback only, the site secret's file
/// mode and the upload size limit.
/// </summary>
public sealed partial class SecurityTests(DemoApp demo, ITestOutputHelper output) : IClassFixture<DemoApp>
{
    static readonly string[] Roles = ["Leadership", "Analyst", "WorksCouncil", "Admin"];

    // ---------------------------------------------------------------- headers

    [Fact]
    public async Task Every_response_carries_the_content_security_policy_and_the_framing_and_sniffing_headers()
    {
        var anonymous = demo.AnonymousClient();
        var leadership = await demo.SignedInClient("Leadership");
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("a page", await leadership.GetAsync("/")),
            ("/signin", await anonymous.GetAsync("/signin")),
            ("an export", await leadership.GetAsync("/export/acceptance-quarters.json")),
            ("a 404", await leadership.GetAsync("/no-such-page")),
            ("a static file", await anonymous.GetAsync("/css/site.css")),
            ("a redirect to sign in", await anonymous.GetAsync("/adoption")),
            ("a 403", await leadership.GetAsync("/admin")),
        };
        responses.Select(r => (r.What, (int)r.Response.StatusCode))
            .ShouldBe([("a page", 200), ("/signin", 200), ("an export", 200), ("a 404", 404), ("a static file", 200), ("a redirect to sign in", 302), ("a 403", 403)]);

        foreach (var (what, response) in responses)
        {
            response.Headers.TryGetValues("Content-Security-Policy", out var csp).ShouldBeTrue(what);
            var directives = csp!.Single().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .ToDictionary(d => d[0], d => d[1..]);
            directives["script-src"].ShouldBe(["'self'"], what);
            directives["frame-ancestors"].ShouldBe(["'none'"], what);
            directives["object-src"].ShouldBe(["'none'"], what);
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff", what);
            response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY", what);
        }
    }

    // ---------------------------------------------------------------- pages under the policy

    [Fact]
    public async Task No_page_any_role_can_open_has_an_inline_script_or_an_inline_event_handler()
    {
        var pages = await EveryPage();
        var failures = new List<string>();
        foreach (var (who, path, html) in pages)
        {
            var external = 0;
            foreach (Match script in ScriptTag().Matches(html))
            {
                var attributes = script.Groups[1].Value;
                if (SrcAttribute().IsMatch(attributes)) { external++; continue; }
                // A data block (type="application/json") is not run, so the policy does not apply to it.
                var type = TypeAttribute().Match(attributes) is { Success: true } t ? t.Groups[1].Value.Trim().ToLowerInvariant() : "";
                if (type is not ("" or "module" or "text/javascript" or "application/javascript")) continue;
                failures.Add($"{path} as {who}: inline script <script{attributes}>");
            }
            external.ShouldBeGreaterThanOrEqualTo(2, $"{path} as {who} loads site.js and blazor.server.js"); // the walk sees the scripts
            foreach (Match tag in StartTag().Matches(html))
            {
                var unquoted = QuotedValue().Replace(tag.Value, "\"\"");
                if (EventHandler().Match(unquoted) is { Success: true } handler)
                    failures.Add($"{path} as {who}: inline event handler {handler.Value.Trim()} in {Shorten(tag.Value)}");
                if (JavascriptUrl().IsMatch(tag.Value))
                    failures.Add($"{path} as {who}: javascript: URL in {Shorten(tag.Value)}");
            }
        }
        output.WriteLine($"{pages.Count} pages checked");
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_form_that_posts_carries_the_antiforgery_token_except_the_demo_sign_in()
    {
        var pages = await EveryPage();
        var failures = new List<string>();
        var checkedForms = new List<string>();
        var exempt = new List<string>();
        foreach (var (who, path, html) in pages)
        {
            foreach (Match form in FormElement().Matches(html))
            {
                var attributes = form.Groups[1].Value;
                if (!PostMethod().IsMatch(attributes)) continue;
                var action = ActionAttribute().Match(attributes) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : path;
                if (form.Groups[2].Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                {
                    checkedForms.Add($"{path} -> {action}");
                    continue;
                }
                // The one exception by design: the demo sign-in takes a bare POST (scripts sign in with the role alone).
                if (path == "/signin" && action == "/signin") exempt.Add(action);
                else failures.Add($"{path} as {who}: <form{attributes}> posts to {action} without __RequestVerificationToken");
            }
        }
        output.WriteLine($"{checkedForms.Count} forms with a token, {exempt.Count} exempt");
        failures.ShouldBeEmpty();
        // The walk did reach the forms that post: settings, targets and backup, reports, mapping, undo, sign-out.
        foreach (var target in new[] { "/admin -> /admin?handler=Settings", "/admin -> /admin?handler=Targets", "/admin -> /admin?handler=Backup",
                     "/reports -> /reports", "/imports/mapping?survey=AI-pulsmeting -> /imports/mapping", "/ -> /signout" })
            checkedForms.ShouldContain(target);
        checkedForms.ShouldContain(f => Regex.IsMatch(f, @"^/imports/\d+ -> /imports/\d+/undo$"));

        // The exemption holds because the endpoint really takes a bare POST, and only that one does.
        var bare = await demo.AnonymousClient().PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = "Leadership" }));
        bare.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        bare.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("aci-auth=", StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- posts without the token

    [Fact]
    public async Task A_settings_post_without_the_token_is_refused_and_changes_nothing()
    {
        using var app = new ImportsApp();
        var admin = await app.SignedInClient("Admin");
        (await admin.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK); // the antiforgery cookie is set; only the form field is missing
        var warehouse = app.Services.GetRequiredService<WarehouseDb>();

        var response = await admin.PostAsync("/admin?handler=Settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["minGroupSize"] = "9", ["goLiveMonth"] = "2024-01", ["valleyThreshold"] = "0.5", ["surveyWaveGapDays"] = "7",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        warehouse.Read(c => c.Query<(string, string?)>("select key, value from setting order by key").ToList())
            .ShouldBe([("go_live_month", null), ("min_group_size", "5"), ("survey_wave_gap_days", "21"), ("valley_threshold", "0.25")]);
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log where action = 'settings change'")).ShouldBe(0);
    }

    [Fact]
    public async Task An_upload_without_the_token_header_is_refused_and_nothing_is_queued()
    {
        using var app = new ImportsApp();
        var analyst = await app.SignedInClient("Analyst");
        await ImportsApp.Token(analyst); // the antiforgery cookie exists; the header is missing
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("email,department\nan@example.nl,Verkoop\n"), "files", "roster.csv");

        var response = await analyst.PostAsync("/imports/upload", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await analyst.GetStringAsync("/imports/jobs")).ShouldBe("[]");
        var warehouse = app.Services.GetRequiredService<WarehouseDb>();
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from import_job")).ShouldBe(0);
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log where action = 'upload'")).ShouldBe(0);
        FilesUnder(Path.Combine(app.DataFolder, "uploads")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sign_out_without_the_token_is_refused_and_the_session_stays()
    {
        using var app = new ImportsApp();
        var admin = await app.SignedInClient("Admin");
        var token = await ImportsApp.Token(admin);

        var forged = await admin.PostAsync("/signout", new FormUrlEncodedContent([]));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // With the token it does sign out: the refusal above was the token's doing.
        var real = await admin.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        real.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    // ---------------------------------------------------------------- demo mode on loopback only

    [Theory]
    [InlineData("192.0.2.10")]
    [InlineData("2001:db8::10")]
    [InlineData("::ffff:192.0.2.10")]
    public async Task Demo_mode_refuses_a_request_from_another_address(string address)
    {
        using var app = new RemoteAddressApp();
        var signedIn = await app.SignedInClient("Admin"); // from the test server's own (loopback) address
        var warehouse = app.Services.GetRequiredService<WarehouseDb>();
        var signIns = warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log where action = 'sign-in'"));

        foreach (var (client, method, path) in new[] { (app.AnonymousClient(), "GET", "/signin"), (app.AnonymousClient(), "POST", "/signin"), (app.AnonymousClient(), "GET", "/health"), (signedIn, "GET", "/admin") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Add(RemoteAddressApp.Header, address);
            if (method == "POST") request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = "Admin" });

            var response = await client.SendAsync(request);

            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {path}");
            (await response.Content.ReadAsStringAsync()).ShouldContain("Demo mode answers only on this machine (loopback)");
            response.Headers.Contains("Set-Cookie").ShouldBeFalse($"{method} {path}");
            response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'"); // the refusal too
        }
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log where action = 'sign-in'")).ShouldBe(signIns);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Demo_mode_answers_on_loopback(string address)
    {
        using var app = new RemoteAddressApp();
        var client = app.AnonymousClient();

        using var page = new HttpRequestMessage(HttpMethod.Get, "/signin");
        page.Headers.Add(RemoteAddressApp.Header, address);
        (await client.SendAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = "Admin" }) };
        signIn.Headers.Add(RemoteAddressApp.Header, address);
        (await client.SendAsync(signIn)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var admin = new HttpRequestMessage(HttpMethod.Get, "/admin");
        admin.Headers.Add(RemoteAddressApp.Header, address);
        var response = await client.SendAsync(admin);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The address the app saw is the one the filter set (so the refusals above are about the address).
        var audit = app.Services.GetRequiredService<WarehouseDb>().Read(c => c.ExecuteScalar<string>(
            "select remote_address from audit_log where action = 'sign-in'"));
        audit.ShouldBe(IPAddress.Parse(address).ToString());
    }

    // ---------------------------------------------------------------- site secret and upload size

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_site_secret_the_warehouse_generates_is_readable_by_its_owner_only()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aci-secret-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (WarehouseDb.Open(new AiChangeInsights.Warehouse.WarehouseOptions { DataFolder = folder }))
            {
            }
            var secret = Path.Combine(folder, "site.secret");
            File.Exists(secret).ShouldBeTrue();
            File.GetUnixFileMode(secret).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Convert.FromBase64String(File.ReadAllText(secret).Trim()).Length.ShouldBe(32);
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_with_413_and_a_message_and_nothing_is_queued()
    {
        using var app = new ImportsApp(); // Imports:MaxFileMegabytes = 1
        var analyst = await app.SignedInClient("Analyst");
        var content = "email,department\n" + new string('x', 1_572_864); // 1.5 MB

        var response = await ImportsApp.Upload(analyst, await ImportsApp.Token(analyst), "big.csv", content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString()
            .ShouldBe("big.csv is larger than 1 MB: split the export or raise Imports:MaxFileMegabytes.");
        (await analyst.GetStringAsync("/imports/jobs")).ShouldBe("[]");
        app.Services.GetRequiredService<WarehouseDb>().Read(c => c.ExecuteScalar<long>("select count(*) from import_job")).ShouldBe(0);
        FilesUnder(Path.Combine(app.DataFolder, "uploads")).ShouldBeEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>Every page for every role the route table lets open it (and /signin anonymously), with its HTML.</summary>
    async Task<List<(string Who, string Path, string Html)>> EveryPage()
    {
        var importId = demo.Services.GetRequiredService<WarehouseDb>().Read(c => c.ExecuteScalar<long>(
            "select min(import_id) from import_history where status = 'loaded'"));
        string[] paths = ["/", "/adoption", "/checkpoints", "/activities", "/maturity", "/people", "/acceptance", "/reports", "/imports",
            "/imports/mapping", "/imports/mapping?survey=AI-pulsmeting", $"/imports/{importId}", "/admin"];
        var pages = new List<(string, string, string)>();
        var anonymous = await demo.AnonymousClient().GetAsync("/signin");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.OK);
        pages.Add(("anonymous", "/signin", await anonymous.Content.ReadAsStringAsync()));
        foreach (var role in Roles)
        {
            var client = await demo.SignedInClient(role);
            foreach (var path in paths.Where(p => RouteAccess.For(p.Split('?')[0])!.Allowed!.Contains(Enum.Parse<Role>(role))))
            {
                var response = await client.GetAsync(path);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path} as {role}");
                pages.Add((role, path, await response.Content.ReadAsStringAsync()));
            }
        }
        pages.Count.ShouldBe(1 + 8 + 12 + 1 + 1); // signin; Leadership 7 dashboard pages and /acceptance; Analyst those and 4 imports pages; works council /acceptance; Admin /admin
        return pages;
    }

    static List<string> FilesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList() : [];

    static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";

    [GeneratedRegex(@"<script\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"\ssrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();

    [GeneratedRegex(@"\stype\s*=\s*[""']?([^""'\s>]*)", RegexOptions.IgnoreCase)]
    private static partial Regex TypeAttribute();

    [GeneratedRegex(@"<[a-zA-Z][^>]*>")]
    private static partial Regex StartTag();

    [GeneratedRegex(@"""[^""]*""|'[^']*'")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"\son\w+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"(href|src|action|formaction)\s*=\s*[""']?\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptUrl();

    [GeneratedRegex(@"<form\b([^>]*)>(.*?)</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex(@"\smethod\s*=\s*[""']?post", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethod();

    [GeneratedRegex(@"\saction\s*=\s*""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ActionAttribute();
}

/// <summary>
/// The real app in demo mode over an empty warehouse, where a request may claim another client address: TestServer
/// gives no way to set RemoteIpAddress from a client, so a startup filter (it runs before the app's own middleware)
/// sets it from the test header.
/// </summary>
public sealed class RemoteAddressApp : WebApplicationFactory<Program>
{
    public const string Header = "X-Test-Remote-Address";

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "aci-remote-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Warehouse:DataFolder", DataFolder);
        builder.UseSetting("Privacy:SiteSecret", TestWarehouse.Secret);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFilter>());
    }

    sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                await nextMiddleware();
            });
            next(app);
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) try { Directory.Delete(DataFolder, true); } catch (IOException) { }
    }
}
