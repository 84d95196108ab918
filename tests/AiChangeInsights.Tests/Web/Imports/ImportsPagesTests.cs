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

    // ---------------------------------------------------------------- waves and department codes on the mapping page

    /// <summary>A pulse open from 24 September to 8 October (gaps of 2, 4, 2 and 6 days): one wave.</summary>
    const string AutumnPulse = """
        survey,response_id,submitted_at,department,Ik vertrouw de resultaten van AI.
        Pulse,A1,2025-09-24 09:00,Verkoop,4
        Pulse,A2,2025-09-24 10:00,Verkoop,3
        Pulse,A3,2025-09-26 09:00,Verkoop,5
        Pulse,A4,2025-09-30 16:00,Verkoop,4
        Pulse,A5,2025-10-02 09:00,Verkoop,2
        Pulse,A6,2025-10-08 09:00,Verkoop,4

        """;

    static Task<HttpResponseMessage> PostForm(HttpClient client, string handler, string html, string formId, params (string Name, string Value)[] fields) =>
        client.PostAsync($"/imports/mapping?handler={handler}", new FormUrlEncodedContent(
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Prepend(new("__RequestVerificationToken", FormToken(html, formId)))));

    static List<string> WaveRows(string html) => Regex.Matches(html, "<tr data-wave=\"([0-9-]+)\">(.*?)</tr>", RegexOptions.Singleline)
        .Select(m => m.Groups[1].Value + " " + string.Join(" | ", Regex.Matches(m.Groups[2].Value, "<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)
            .Take(4).Select(c => Regex.Replace(Regex.Replace(c.Groups[1].Value, "<[^>]+>", " "), "\\s+", " ").Trim()))).ToList();

    [Fact]
    public async Task The_mapping_page_lists_a_surveys_waves_and_splits_and_merges_them_remembered_and_audited()
    {
        var (client, _, _) = await Imported("pulse.csv", AutumnPulse);
        var warehouse = app.Services.GetRequiredService<AiChangeInsights.Warehouse.Warehouse>();
        string Audit() => string.Join("\n", warehouse.Read(c => c.Query<string>("select detail from audit_log where action = 'survey waves' order by occurred_at")));

        var html = await Html(client, "/imports/mapping?survey=Pulse&lang=en");
        html.ShouldContain("no more than 21 days between two response dates");
        WaveRows(html).ShouldBe(["2025-09 September 2025 | 24/09/2025 | 08/10/2025 | 6"]);

        // Split on 28 September: both parts would begin in September, which would make them one wave again.
        var refused = await PostForm(client, "Split", html, "split-1", ("survey", "Pulse"), ("wave", "1"), ("day", "2025-09-28"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("Both parts would begin in 2025-09");
        Audit().ShouldBeEmpty();

        var split = await PostForm(client, "Split", html, "split-1", ("survey", "Pulse"), ("wave", "1"), ("day", "2025-10-01"));
        split.StatusCode.ShouldBe(HttpStatusCode.Redirect, await split.Content.ReadAsStringAsync());
        split.Headers.Location!.ToString().ShouldBe("/imports/mapping?survey=Pulse&done=waves");
        html = await Html(client, "/imports/mapping?survey=Pulse&done=waves&lang=en");
        html.ShouldContain("The waves have been saved");
        WaveRows(html).ShouldBe(["2025-09 September 2025 | 24/09/2025 | 30/09/2025 | 4", "2025-10 October 2025 | 02/10/2025 | 08/10/2025 | 2"]);
        html.ShouldContain("Split: a new wave starts on 01/10/2025");
        Audit().ShouldBe("Pulse: wave 2025-09 (2025-09-24 to 2025-10-08) split: a new wave starts on 2025-10-01");
        // survey_results follows at once: October's wave holds 2 responses (below 5: hidden), September's 4.
        warehouse.Read(c => c.Query<(DateTime, bool)>("select wave, suppressed from survey_results where department = 'All' order by wave").ToList())
            .ShouldBe([(new DateTime(2025, 9, 1), true), (new DateTime(2025, 10, 1), true)]);

        var merge = await PostForm(client, "Merge", html, "merge-2", ("survey", "Pulse"), ("wave", "2"));
        merge.StatusCode.ShouldBe(HttpStatusCode.Redirect, await merge.Content.ReadAsStringAsync());
        html = await Html(client, "/imports/mapping?survey=Pulse&lang=en");
        WaveRows(html).ShouldBe(["2025-09 September 2025 | 24/09/2025 | 08/10/2025 | 6"]);
        html.ShouldContain("Merged: the responses from 02/10/2025 09:00 belong to the wave before");
        html.ShouldNotContain("Split: a new wave starts on 01/10/2025");

        var remove = await PostForm(client, "RemoveEdit", html, "remove-edit-0", ("survey", "Pulse"), ("startsAt", "2025-10-02T09:00:00.000000"));
        remove.StatusCode.ShouldBe(HttpStatusCode.Redirect, await remove.Content.ReadAsStringAsync());
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from survey_wave_edit")).ShouldBe(0);
        Audit().Split('\n').ShouldBe([
            "Pulse: wave 2025-09 (2025-09-24 to 2025-10-08) split: a new wave starts on 2025-10-01",
            "Pulse: wave 2025-10 (2025-10-02 to 2025-10-08) merged into wave 2025-09",
            "Pulse: the merge at 2025-10-02 09:00:00 removed; the wave rule decides that gap again",
        ]);
    }

    [Fact]
    public async Task The_mapping_page_maps_department_codes_to_roster_departments_and_refuses_one_the_roster_lacks()
    {
        await Imported("roster.csv", Roster);
        // A numeric export: the department question's choice numbers (1 Verkoop, 2 Productie, 3 another team).
        var (client, _, _) = await Imported("pulse.csv", """
            survey,response_id,submitted_at,department,Ik vertrouw de resultaten van AI.
            Pulse,C1,2025-03-03 10:00,1,4
            Pulse,C2,2025-03-03 10:05,1,2
            Pulse,C3,2025-03-03 10:10,1,5
            Pulse,C4,2025-03-03 10:15,1,3
            Pulse,C5,2025-03-03 10:20,1,4
            Pulse,C6,2025-03-03 10:25,2,4
            Pulse,C7,2025-03-03 10:30,2,1
            Pulse,C8,2025-03-03 10:35,2,3
            Pulse,C9,2025-03-03 10:40,2,3
            Pulse,C10,2025-03-03 10:45,2,4
            Pulse,C11,2025-03-03 10:50,3,5
            Pulse,C12,2025-03-03 10:55,3,5

            """);
        var warehouse = app.Services.GetRequiredService<AiChangeInsights.Warehouse.Warehouse>();

        var html = await Html(client, "/imports/mapping?survey=Pulse&lang=en");
        var rows = Regex.Matches(html, "<tr data-value=\"([^\"]+)\">.*?<td class=\"num\">([^<]+)</td>", RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim())).ToList();
        // Two responses are fewer than the minimum group size: their count is not shown.
        rows.ShouldBe([("1", "5"), ("2", "5"), ("3", "fewer than 5")]);
        html.ShouldContain("<option value=\"\" selected=\"selected\">None: counts in All departments only</option>");

        var wrong = await PostForm(client, "Departments", html, "departments-form", ("survey", "Pulse"), ("values[0].Value", "1"), ("values[0].Department", "Inkoop"));
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()).ShouldContain("'Inkoop' is no department of the roster");
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from survey_department_map")).ShouldBe(0);

        var saved = await PostForm(client, "Departments", html, "departments-form", ("survey", "Pulse"), ("values[0].Value", "1"),
            ("values[0].Department", "Verkoop"), ("values[1].Value", "2"), ("values[1].Department", "Productie"), ("values[2].Value", "3"), ("values[2].Department", ""));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        saved.Headers.Location!.ToString().ShouldBe("/imports/mapping?survey=Pulse&done=departments");
        // All (18 + 15 + 10) / 12 = 3.58. Verkoop (4 + 2 + 5 + 3 + 4) / 5 = 3.6. Productie (5 respondents) is hidden: All
        // minus the two departments leaves the 2 of code 3, so the smallest department is hidden to protect them.
        warehouse.Read(c => c.Query<(string, long?, double?)>(
            "select department, n, round(value, 2) from survey_results where construct = 'trust' and not suppressed order by department").ToList())
            .ShouldBe([("All", 12L, 3.58), ("Verkoop", 5L, 3.6)]);
        warehouse.Read(c => c.Query<(string, long)>("select department, count(*) from fct_survey_response group by 1 order by 1").ToList())
            .ShouldBe([("3", 2L), ("Productie", 5L), ("Verkoop", 5L)]);
        var after = await Html(client, "/imports/mapping?survey=Pulse&done=departments&lang=en");
        after.ShouldContain("The departments have been saved");
        after.ShouldContain("<option value=\"Verkoop\" selected=\"selected\">Verkoop</option>");
        warehouse.Read(c => c.Query<string>("select detail from audit_log where action = 'survey departments'").Single())
            .ShouldBe("Pulse: 2 department value(s) changed: '1' → Verkoop; '2' → Productie");

        var dutch = await Html(client, "/imports/mapping?survey=Pulse&lang=nl");
        foreach (var text in new[] { "Metingen", "Splitsen: een nieuwe meting begint op", "Afdelingen die de personeelslijst niet kent", "Afdelingen opslaan", "minder dan 5" })
            dutch.ShouldContain(text);
    }
}

