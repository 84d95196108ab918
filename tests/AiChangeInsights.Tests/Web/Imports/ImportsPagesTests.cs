using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace AiChangeInsights.Tests.Web.Imports;

/// <summary>/imports, /imports/{id} and /imports/mapping: the analyst's pages over the import queue, history, undo and survey mapping.</summary>
public sealed partial class ImportsPagesTests : IDisposable
{
    readonly ImportsApp app = new();

    public void Dispose() => app.Dispose();

    const string Roster = "email,department\nan@example.nl,Verkoop\nbo@example.nl,Productie\nnot-an-email,Verkoop\n";

    // Five answers per question (the minimum group size), two questions the keywords recognise.
    const string Survey = """
        survey,response_id,submitted_at,department,Ik vertrouw de resultaten van AI.,Ik ben tevreden over de AI-tools.
        Pulse,R1,2025-03-03 10:00,Verkoop,4,5
        Pulse,R2,2025-03-03 10:05,Verkoop,2,4
        Pulse,R3,2025-03-03 10:10,Verkoop,5,3
        Pulse,R4,2025-03-03 10:15,Verkoop,3,4
        Pulse,R5,2025-03-03 10:20,Verkoop,4,2

        """;

    /// <summary>Uploads a file as an analyst and waits for its import; returns the client, the import and who the history says did it.</summary>
    async Task<(HttpClient Client, long ImportId, string Who)> Imported(string name, string content)
    {
        var client = await app.SignedInClient("Analyst");
        var upload = await ImportsApp.Upload(client, await ImportsApp.Token(client), name, content);
        upload.StatusCode.ShouldBe(HttpStatusCode.OK, await upload.Content.ReadAsStringAsync());
        var jobId = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("jobs")[0].GetProperty("job_id").GetInt64();
        var job = await ImportsApp.Finished(client, jobId);
        job.GetProperty("summary").GetProperty("status").GetString().ShouldBe("loaded");
        return (client, job.GetProperty("import_id").GetInt64(), job.GetProperty("requested_by").GetString()!);
    }

    static async Task<string> Html(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        // Without CSS isolation's scope attributes (b-1a2b3c4d5e), which change with the stylesheet.
        return ScopeAttribute().Replace(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), "");
    }

    [GeneratedRegex(" b-[a-z0-9]{10}(?=[ >/])")]
    private static partial Regex ScopeAttribute();

    /// <summary>The hidden antiforgery field inside the form with <paramref name="formId"/>, as the browser would post it.</summary>
    static string FormToken(string html, string formId)
    {
        var form = Regex.Match(html, $"<form[^>]*id=\"{formId}\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        form.Success.ShouldBeTrue($"no form #{formId}");
        return AntiforgeryField.Pattern().Match(form.Groups[1].Value).Groups[1].Value;
    }


    [Theory]
    [InlineData("Analyst", HttpStatusCode.OK)]
    [InlineData("Leadership", HttpStatusCode.Forbidden)]
    [InlineData("WorksCouncil", HttpStatusCode.Forbidden)]
    [InlineData("Admin", HttpStatusCode.Forbidden)]
    public async Task Only_analysts_open_the_imports_pages(string role, HttpStatusCode expected)
    {
        var client = await app.SignedInClient(role);
        (await client.GetAsync("/imports")).StatusCode.ShouldBe(expected);
        (await client.GetAsync("/imports/mapping")).StatusCode.ShouldBe(expected);
        // An import that does not exist: 404 for analysts, never a hint for the others.
        (await client.GetAsync("/imports/999")).StatusCode.ShouldBe(expected == HttpStatusCode.OK ? HttpStatusCode.NotFound : expected);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        foreach (var path in new[] { "/imports", "/imports/1", "/imports/mapping" })
        {
            var response = await app.AnonymousClient().GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.ToString().ShouldStartWith("http://localhost/signin");
        }
    }

    [Fact]
    public async Task The_page_offers_the_upload_with_its_token_options_and_inbox_folder()
    {
        var client = await app.SignedInClient("Analyst");
        var html = await Html(client, "/imports?lang=en");

        html.ShouldContain("id=\"files\" name=\"files\" multiple");
        html.ShouldContain("<script src=\"/js/imports.js?v=");
        AntiforgeryField.Pattern().IsMatch(html).ShouldBeTrue();
        foreach (var field in new[] { "source", "locale", "tool", "survey", "course" }) html.ShouldContain($"name=\"{field}\"");
        html.ShouldContain($"<code id=\"inbox-folder\">{app.Inbox}</code>");
        html.ShouldContain("Nothing has been imported yet.");
        (await client.GetAsync("/js/imports.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_upload_appears_in_the_history_with_its_counts_and_a_link_to_its_details()
    {
        var (client, importId, who) = await Imported("roster.csv", Roster);

        var html = await Html(client, "/imports?lang=en");

        var row = Regex.Match(html, $"<tr data-import=\"{importId}\" data-status=\"loaded\">(.*?)</tr>", RegexOptions.Singleline);
        row.Success.ShouldBeTrue(html);
        var cells = Regex.Matches(row.Groups[1].Value, "<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)
            .Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim()).ToList();
        cells[1].ShouldBe("roster.csv");
        cells[2].ShouldBe("Roster (HR)");
        cells[3].ShouldBe("Loaded");
        cells[4..8].ShouldBe(["3", "2", "1", "0"]); // read, loaded, rejected, duplicates
        cells[8].ShouldBe(who);
        who.ShouldContain("Analyst");
        row.Groups[1].Value.ShouldContain($"href=\"/imports/{importId}\"");
    }

    [Fact]
    public async Task The_history_shows_fifty_imports_a_page_newest_first()
    {
        var client = await app.SignedInClient("Analyst");
        var warehouse = app.Services.GetRequiredService<AiChangeInsights.Warehouse.Warehouse>();
        warehouse.Write(c => c.Execute("""
            insert into import_history (import_id, file_name, source, content_hash, status, imported_by, started_at, finished_at, duration_ms)
            select i, 'file-' || i || '.csv', 'usage', 'hash-' || i, 'rejected', 'script', now()::timestamp, now()::timestamp, 1500
            from range(1, 61) t(i)
            """));
        static List<string> Imports(string html) => Regex.Matches(html, "<tr data-import=\"(\\d+)\"").Select(m => m.Groups[1].Value).ToList();

        var first = await Html(client, "/imports?lang=en");
        var second = await Html(client, "/imports?p=2&lang=en");

        Imports(first).ShouldBe(Enumerable.Range(11, 50).Reverse().Select(i => i.ToString()).ToList());
        first.ShouldContain("Page 1 of 2 (60 imports)");
        first.ShouldContain("<a href=\"/imports?p=2\" rel=\"next\">Older →</a>");
        first.ShouldContain("1.5 s");
        Imports(second).ShouldBe(Enumerable.Range(1, 10).Reverse().Select(i => i.ToString()).ToList());
        second.ShouldContain("<a href=\"/imports\" rel=\"prev\">← Newer</a>");
    }

    [Fact]
    public async Task The_detail_page_lists_the_rejected_rows_with_line_column_and_reason()
    {
        var (client, importId, who) = await Imported("roster.csv", Roster);

        var html = await Html(client, $"/imports/{importId}?lang=en");

        html.ShouldContain("Rejected rows (1)");
        var rows = Regex.Matches(Regex.Match(html, "<table class=\"grid rejected\".*?</table>", RegexOptions.Singleline).Value,
                "<tr>\\s*<td class=\"num\">(.*?)</td>\\s*<td>(.*?)</td>\\s*<td class=\"value\">(.*?)</td>\\s*<td class=\"reason\">(.*?)</td>", RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value)).ToList();
        rows.ShouldBe([("4", "email", "", "not an e-mail address or UPN")]);
        html.ShouldContain($"href=\"/imports/{importId}/rejected.xlsx\"");
        html.ShouldContain("data-status=\"loaded\"");
        html.ShouldContain($"<dd>{who}</dd>");
        html.ShouldContain("Loaded 2 of 3 rows as roster");
    }

    [Fact]
    public async Task Undo_through_the_pages_form_removes_the_rows_and_the_page_then_shows_it_undone()
    {
        var (client, importId, who) = await Imported("roster.csv", Roster);
        var html = await Html(client, $"/imports/{importId}?lang=en");
        html.ShouldContain($"action=\"/imports/{importId}/undo\"");
        html.ShouldContain("data-confirm=\"Undo import #");

        var undo = await client.PostAsync($"/imports/{importId}/undo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken(html, "undo-form"),
        }));

        undo.StatusCode.ShouldBe(HttpStatusCode.Redirect, await undo.Content.ReadAsStringAsync());
        undo.Headers.Location!.ToString().ShouldBe($"/imports/{importId}");
        var after = await Html(client, $"/imports/{importId}?lang=en");
        after.ShouldContain("data-status=\"undone\"");
        after.ShouldContain("This import has been undone on ");
        after.ShouldContain($" by {who}.");
        after.ShouldNotContain("id=\"undo-form\"");
        (await Html(client, "/imports?lang=en")).ShouldContain($"<tr data-import=\"{importId}\" data-status=\"undone\">");
        var warehouse = app.Services.GetRequiredService<AiChangeInsights.Warehouse.Warehouse>();
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from raw_roster")).ShouldBe(0);
    }

    [Fact]
    public async Task The_mapping_page_saves_a_construct_change_that_the_survey_answers_follow_at_once()
    {
        var (client, _, _) = await Imported("pulse.csv", Survey);
        var warehouse = app.Services.GetRequiredService<AiChangeInsights.Warehouse.Warehouse>();
        const string trust = "Ik vertrouw de resultaten van AI.";
        string ConstructOf(string question) => warehouse.Read(c => c.Query<string>(
            "select distinct construct from fct_survey_answer where survey = 'Pulse' and question = $question", new { question }).Single());
        ConstructOf(trust).ShouldBe("trust");

        var imports = await Html(client, "/imports?lang=en");
        imports.ShouldContain("<a href=\"/imports/mapping?survey=Pulse\">Pulse</a>:");
        var html = await Html(client, "/imports/mapping?survey=Pulse&lang=en");
        html.ShouldContain("<option value=\"trust\" selected=\"selected\">Trust in AI results</option>");
        html.ShouldContain("<option value=\"unmapped\">Not counted (unmapped)</option>");
        html.ShouldContain("keywords (proposal)");
        html.ShouldContain("remembered for the next wave of the same survey");

        var saved = await client.PostAsync("/imports/mapping", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", FormToken(html, "mapping-form")),
            new("survey", "Pulse"),
            new("questions[0].Text", trust), new("questions[0].Construct", "usefulness"),
            new("questions[0].ReverseKeyed", "true"), new("questions[0].ReverseKeyed", "false"),
            new("questions[1].Text", "Ik ben tevreden over de AI-tools."), new("questions[1].Construct", "satisfaction"),
            new("questions[1].ReverseKeyed", "false"),
        }));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        saved.Headers.Location!.ToString().ShouldBe("/imports/mapping?survey=Pulse&saved=true");
        ConstructOf(trust).ShouldBe("usefulness");
        // Reverse-keyed: the 4 given becomes 2 in the mart.
        warehouse.Read(c => c.Query<(decimal Given, decimal Answer)>(
            "select answer_as_given, answer from fct_survey_answer where survey = 'Pulse' and question = $trust and response_id = 'R1'", new { trust }).Single())
            .ShouldBe((4m, 2m));
        var after = await Html(client, "/imports/mapping?survey=Pulse&saved=true&lang=en");
        after.ShouldContain("The mapping has been saved");
        after.ShouldContain("<option value=\"usefulness\" selected=\"selected\">Perceived usefulness</option>");
        var analyst = warehouse.Read(c => c.Query<string>("select distinct mapped_by from survey_question where survey = 'Pulse'").Single());
        analyst.ShouldBe("demo Analyst"); // as the audit log names users: role and pseudonym, never a name
        after.ShouldContain($"<span>{analyst}</span>");
        (await Html(client, "/imports?lang=en")).ShouldContain("Every survey question has a mapping confirmed by an analyst.");
        warehouse.Read(c => c.Query<string>("select detail from audit_log where action = 'survey mapping'").Single())
            .ShouldBe("Pulse: 2 questions confirmed, 1 changed: “Ik vertrouw de resultaten van AI.” → usefulness (reverse-keyed)");
    }

    [Fact]
    public async Task The_mapping_page_refuses_an_unknown_construct_and_changes_nothing()
    {
        var (client, _, _) = await Imported("pulse.csv", Survey);
        var html = await Html(client, "/imports/mapping?survey=Pulse&lang=en");

        var saved = await client.PostAsync("/imports/mapping", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken(html, "mapping-form"),
            ["survey"] = "Pulse", ["questions[0].Text"] = "Ik vertrouw de resultaten van AI.", ["questions[0].Construct"] = "happiness",
        }));

        saved.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()).ShouldContain("Unknown construct 'happiness'");
        var warehouse = app.Services.GetRequiredService<AiChangeInsights.Warehouse.Warehouse>();
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from survey_question where mapped_by <> 'keywords'")).ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_survey_the_mapping_page_lets_the_analyst_choose_one()
    {
        var (client, _, _) = await Imported("pulse.csv", Survey);

        var html = await Html(client, "/imports/mapping?lang=en");

        html.ShouldContain("<a href=\"/imports/mapping?survey=Pulse\">Pulse</a>");
        Regex.Match(html, "<tr data-survey=\"Pulse\">.*?<td class=\"num\">(\\d+)</td>\\s*<td class=\"num\">(\\d+)</td>", RegexOptions.Singleline)
            .Groups.Values.Skip(1).Select(g => g.Value).ShouldBe(["2", "2"]);
        (await client.GetAsync("/imports/mapping?survey=Nope")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_pages_speak_dutch()
    {
        var (client, importId, _) = await Imported("roster.csv", Roster);
        await Imported("pulse.csv", Survey);

        var imports = await Html(client, "/imports?lang=nl");
        foreach (var text in new[] { "Bestanden uploaden", "Sleep bestanden hierheen", "Importgeschiedenis", "Personeelslijst (HR)", "Geladen", "Gelezen", "Afgewezen", "Enquêtevragen om te bevestigen", "Inboxmap op de server" })
            imports.ShouldContain(text);
        imports.ShouldContain("\"uploading\":\"Uploaden\"");

        var detail = await Html(client, $"/imports/{importId}?lang=nl");
        foreach (var text in new[] { "Afgewezen rijen (1)", ">Regel<", ">Kolom<", ">Reden<", "Downloaden als Excel", "Deze import ongedaan maken", "Geïmporteerd door" })
            detail.ShouldContain(text);

        var mapping = await Html(client, "/imports/mapping?survey=Pulse&lang=nl");
        foreach (var text in new[] { "Vraagkoppeling: Pulse", "Vertrouwen in AI-resultaten", "Tevredenheid met AI-systemen", "Telt niet mee (niet gekoppeld)", "trefwoorden (voorstel)", "Koppeling opslaan", "volgende meting van dezelfde enquête" })
            mapping.ShouldContain(text);
    }
}
