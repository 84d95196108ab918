using System.Net;
using AiChangeInsights.Tests.Web;
using AiChangeInsights.Web.Access;
using AiChangeInsights.Web.Charts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AiChangeInsights.Tests.Access;

/// <summary>
/// Every page, handler, export and API route, found in the app's own endpoint list, with every role and
/// anonymously: 302 to sign in (401 for the API) without an account, 403 for a role the route x role table does not
/// allow, and through to the handler for one it does. Exports also follow each chart's own roles.
/// </summary>
public sealed class RouteMatrixTests(DemoApp app, ITestOutputHelper output) : IClassFixture<DemoApp>
{
    static readonly string[] Roles = ["Leadership", "Analyst", "WorksCouncil", "Admin"];

    sealed record Probe(string Method, string Path, Role[]? Allowed);

    IReadOnlyList<Probe> Probes()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var charts = app.Services.GetRequiredService<ChartCatalog>().All;
        var probes = new List<Probe>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (pattern.StartsWith("/_", StringComparison.Ordinal) || pattern.Contains('.') && !pattern.Contains('{') || pattern.Contains("{**")) continue;
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
            {
                if (pattern == "/export/{file}")
                {
                    foreach (var chart in charts)
                        foreach (var format in new[] { "xlsx", "json" })
                            probes.Add(new Probe("GET", $"/export/{chart.Key}.{format}", chart.Roles));
                    continue;
                }
                var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", m => m.Groups[1].Value == "file" ? "quarterly-2025Q4.xlsx" : "1");
                if (path.EndsWith("/signin/oidc", StringComparison.Ordinal)) continue; // only in OpenID Connect mode
                probes.Add(new Probe(method, path, RouteAccess.For(path) is { } rule ? rule.Allowed : [Role.Leadership, Role.Analyst, Role.WorksCouncil, Role.Admin]));
            }
        }
        return probes.DistinctBy(p => (p.Method, p.Path)).OrderBy(p => p.Path).ThenBy(p => p.Method).ToList();
    }

    [Fact]
    public async Task Every_route_answers_every_role_as_the_table_says()
    {
        var probes = Probes();
        probes.Count.ShouldBeGreaterThan(60);
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = app.AnonymousClient() };
        foreach (var role in Roles) clients[role] = await app.SignedInClient(role);

        var failures = new List<string>();
        var checks = 0;
        foreach (var probe in probes)
        {
            foreach (var (who, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path);
                if (probe.Method == "POST") request.Content = new FormUrlEncodedContent([]);
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                checks++;
                string expected;
                bool ok;
                if (probe.Allowed is null)
                {
                    expected = "anything but 401/403";
                    ok = status is not (401 or 403);
                }
                else if (who == "anonymous")
                {
                    var api = probe.Path.StartsWith("/api", StringComparison.Ordinal);
                    expected = api ? "401" : "302 to /signin";
                    ok = api ? status == 401 : status == 302 && response.Headers.Location?.ToString().Contains("/signin") == true;
                }
                else if (probe.Allowed.Contains(Enum.Parse<Role>(who)))
                {
                    expected = "through (not 302/401/403)";
                    ok = status is not (302 or 401 or 403) || probe.Path == "/signin" || status == 302 && response.Headers.Location?.ToString().Contains("/signin") != true;
                }
                else
                {
                    expected = "403";
                    ok = status == 403;
                }
                if (!ok) failures.Add($"{probe.Method} {probe.Path} as {who}: {status}, expected {expected}");
            }
        }
        output.WriteLine($"{probes.Count} routes x {clients.Count} callers = {checks} checks, {failures.Count} failures");
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_works_council_reaches_only_acceptance_and_its_exports()
    {
        var council = await app.SignedInClient("WorksCouncil");
        var reachable = new List<string>();
        foreach (var probe in Probes().Where(p => p.Method == "GET"))
        {
            using var response = await council.GetAsync(probe.Path);
            if ((int)response.StatusCode is not (401 or 403) && !probe.Path.StartsWith("/signin") && probe.Path is not ("/health" or "/signout"))
                reachable.Add(probe.Path);
        }
        reachable.ShouldAllBe(p => p == "/acceptance" || p.StartsWith("/export/acceptance-"));
        reachable.ShouldContain("/acceptance");
    }
}
