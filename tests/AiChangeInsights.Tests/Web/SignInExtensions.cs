using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AiChangeInsights.Tests.Web;

public static class SignInExtensions
{
    /// <summary>A client signed in as a demo user of <paramref name="role"/> (POST /signin role=...), not following redirects.</summary>
    public static async Task<HttpClient> SignedInClient(this WebApplicationFactory<Program> app, string role)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = role }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    public static HttpClient AnonymousClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
