using System.Net;
using System.Text.Json;

namespace AiChangeInsights.Tests.Web;

public sealed class HealthTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Health_answers_without_sign_in_with_the_schema_version_and_the_last_import()
    {
        var response = await app.CreateClient().GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetString().ShouldBe("ok");
        body.GetProperty("schema_version").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        body.GetProperty("last_import_at").GetDateTime().ShouldBeGreaterThan(DateTime.UtcNow.AddHours(-1));
    }
}
