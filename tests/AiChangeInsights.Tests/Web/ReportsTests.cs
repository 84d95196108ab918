using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;

namespace AiChangeInsights.Tests.Web;

/// <summary>/reports: the quarterly workbooks for Leadership and Analysts, built on demand and downloaded by exact name only.</summary>
public sealed class ReportsTests(DemoApp app) : IClassFixture<DemoApp>
{
    static async Task<string> Token(HttpClient client)
    {
        var html = await client.GetStringAsync("/reports");
        return Regex.Match(html, @"<form method=""post"" action=""/reports""[^>]*>\s*<input name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""").Groups[1].Value;
    }

    static Task<HttpResponseMessage> Build(HttpClient client, string quarter, string? token) =>
        client.PostAsync("/reports", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["quarter"] = quarter,
            ["__RequestVerificationToken"] = token ?? "",
        }.Where(p => token is not null || p.Key != "__RequestVerificationToken")));

    [Theory]
    [InlineData("Leadership", HttpStatusCode.OK)]
    [InlineData("Analyst", HttpStatusCode.OK)]
    [InlineData("WorksCouncil", HttpStatusCode.Forbidden)]
    [InlineData("Admin", HttpStatusCode.Forbidden)]
    public async Task Leadership_and_analysts_open_the_reports_others_may_not(string role, HttpStatusCode expected)
    {
        var client = await app.SignedInClient(role);
        (await client.GetAsync("/reports?lang=en")).StatusCode.ShouldBe(expected);
        // A report that does not exist: 404 for those who may download reports, 403 (never a hint) for the others.
        (await client.GetAsync("/reports/quarterly-2024Q1.xlsx")).StatusCode.ShouldBe(expected == HttpStatusCode.OK ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await app.AnonymousClient().GetAsync("/reports");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/signin");
    }

    [Fact]
    public async Task A_report_built_on_demand_is_listed_and_downloads_as_the_workbook()
    {
        var client = await app.SignedInClient("Leadership");
        var page = await client.GetStringAsync("/reports?lang=en");
        page.ShouldContain("Build report for quarter");
        page.ShouldContain("<option value=\"2025Q4\">");

        var built = await Build(client, "2025Q4", await Token(client));
        built.StatusCode.ShouldBe(HttpStatusCode.Redirect, await built.Content.ReadAsStringAsync());
        built.Headers.Location!.ToString().ShouldBe("/reports?built=2025Q4");

        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/reports?built=2025Q4&lang=en"));
        list.ShouldContain("The report for 2025Q4 has been built.");
        list.ShouldContain("href=\"/reports/quarterly-2025Q4.xlsx\" download>quarterly-2025Q4.xlsx</a>");
        list.ShouldContain("data-quarter=\"2025Q4\"");

        var download = await client.GetAsync("/reports/quarterly-2025Q4.xlsx");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(await download.Content.ReadAsStreamAsync());
        workbook.Worksheet(1).Cell(1, 1).GetString().ShouldBe("AI adoption: quarterly report 2025Q4");

        // The works council reaches neither the page nor the file.
        var council = await app.SignedInClient("WorksCouncil");
        (await council.GetAsync("/reports/quarterly-2025Q4.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Building_needs_the_antiforgery_token_and_a_finished_quarter_with_data()
    {
        var client = await app.SignedInClient("Analyst");

        (await Build(client, "2025Q3", token: null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var unknown = await Build(client, "2031Q1", await Token(client));
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()).ShouldContain("“2031Q1” is not a finished quarter with data");
        File.Exists(Path.Combine(app.DataFolder, "reports", "quarterly-2031Q1.xlsx")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/reports/..%2Fwarehouse.duckdb")]
    [InlineData("/reports/..%2F..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/reports/..%5Cwarehouse.duckdb")]
    [InlineData("/reports/%2E%2E%2Fwarehouse.duckdb")]
    [InlineData("/reports/warehouse.duckdb")]
    [InlineData("/reports/notes.txt")]
    [InlineData("/reports/quarterly-2024Q1.xlsx")]
    [InlineData("/reports/Quarterly-2025Q4.XLSX")]
    public async Task Only_report_files_by_their_exact_name_are_served(string address)
    {
        Directory.CreateDirectory(Path.Combine(app.DataFolder, "reports"));
        await File.WriteAllTextAsync(Path.Combine(app.DataFolder, "reports", "notes.txt"), "not a report");
        var client = await app.SignedInClient("Leadership");

        var response = await client.GetAsync(address);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
