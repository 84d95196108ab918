using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiChangeInsights.Tests.Web.Imports;
using AiChangeInsights.Web.Audit;
using ClosedXML.Excel;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WarehouseDb = AiChangeInsights.Warehouse.Warehouse;

namespace AiChangeInsights.Tests.Web;

/// <summary>
/// The Admin page (settings, KPI targets, backups, audit log), the audit exports and the minimum group size: real
/// requests as the demo Admin, checked against the warehouse's tables and the exports other roles read.
/// </summary>
public sealed partial class AdminTests : IDisposable
{
    readonly ImportsApp app = new();

    public void Dispose() => app.Dispose();

    // ---------------------------------------------------------------- settings

    [Fact]
    public async Task A_settings_change_is_stored_audited_and_hides_survey_cells_at_once()
    {
        using var data = SmallGroupsWarehouse();
        using var small = new ImportsApp(data.Folder);
        var admin = await small.SignedInClient("Admin");
        var leadership = await small.SignedInClient("Leadership");
        var warehouse = Db(small);

        // Independent of survey_cell / survey_cell_protected: respondents per quarter x department x construct,
        // straight from the respondent facts. The fixture has Verkoop 6 and Financiën & HR 5 respondents in 2025Q3,
        // Engineering 26, Klantenservice 17, Productie 25 (some constructs one fewer where an answer is missing).
        // Minimum 5: 6 >= 5 and 5 >= 5 are shown, and 'All' minus the shown departments = 0 (every respondent is in a
        // roster department), so nothing is hidden to protect another cell.
        // Minimum 7: 6 < 7 and 5 < 7, so each of these cells must be hidden.
        var smallCells = warehouse.Read(c => c.Query<(string Quarter, string Department, string Label, long N)>("""
            select r.quarter, r.department, k.label_en, count(*) as n
            from fct_survey_respondent r join dim_construct k using (construct)
            where r.department in (select department from dim_department)
              and k.construct in ('satisfaction', 'trust', 'usefulness', 'ease_of_use', 'competence_self')
            group by all
            having count(*) between 5 and 6
            """).ToList());
        smallCells.Select(c => c.Department).Distinct().Order().ShouldBe(["Financiën & HR", "Verkoop"]);

        var before = new List<JsonElement>();
        foreach (var department in smallCells.Select(c => c.Department).Distinct())
        {
            var export = await Json(leadership, $"/export/acceptance-quarters.json?department={Uri.EscapeDataString(department)}");
            export.GetProperty("min_group_size").GetInt32().ShouldBe(5);
            before.AddRange(export.GetProperty("rows").EnumerateArray());
        }
        foreach (var cell in smallCells)
        {
            var row = Row(before, cell.Quarter, cell.Department, cell.Label);
            row.GetProperty("suppressed").GetBoolean().ShouldBeFalse($"{cell} is shown at minimum 5");
            row.GetProperty("n").GetInt64().ShouldBe(cell.N);
        }

        var response = await PostForm(admin, "Settings", new() { ["minGroupSize"] = "7", ["goLiveMonth"] = "", ["valleyThreshold"] = "0.25" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldStartWith("/admin");
        Setting(warehouse, "min_group_size").ShouldBe("7");
        var audited = warehouse.Read(c => c.Query<(string Actor, string Detail)>(
            "select actor, detail from audit_log where action = 'settings change'").ToList());
        audited.ShouldBe([("demo Admin", "min_group_size: 5 -> 7")]);
        (await admin.GetStringAsync("/admin")).ShouldContain("name=\"minGroupSize\" min=\"5\" max=\"50\" value=\"7\"");

        foreach (var department in smallCells.Select(c => c.Department).Distinct())
        {
            var export = await Json(leadership, $"/export/acceptance-quarters.json?department={Uri.EscapeDataString(department)}");
            export.GetProperty("min_group_size").GetInt32().ShouldBe(7);
            var rows = export.GetProperty("rows").EnumerateArray().ToList();
            foreach (var cell in smallCells.Where(c => c.Department == department))
            {
                var row = Row(rows, cell.Quarter, cell.Department, cell.Label);
                row.GetProperty("suppressed").GetBoolean().ShouldBeTrue($"{cell} has fewer than 7 respondents");
                row.GetProperty("n").ValueKind.ShouldBe(JsonValueKind.Null);
                row.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
            }
        }
    }

    [Fact]
    public async Task A_minimum_group_size_below_the_floor_is_refused_with_a_message_and_nothing_changes()
    {
        var admin = await app.SignedInClient("Admin");
        var warehouse = Db(app);

        var response = await PostForm(admin, "Settings", new() { ["minGroupSize"] = "4", ["goLiveMonth"] = "", ["valleyThreshold"] = "0.25" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The minimum group size is at least 5");
        Setting(warehouse, "min_group_size").ShouldBe("5");
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log where action = 'settings change'")).ShouldBe(0);
    }

    [Theory]
    [InlineData("51", "0.25", "above 50")]
    [InlineData("7", null, "valley threshold")]
    [InlineData("7", "2", "valley threshold")]
    public async Task An_impossible_setting_is_refused_with_a_message_and_nothing_changes(string minGroupSize, string? valleyThreshold, string message)
    {
        var admin = await app.SignedInClient("Admin");
        var warehouse = Db(app);
        var fields = new Dictionary<string, string> { ["minGroupSize"] = minGroupSize, ["goLiveMonth"] = "" };
        if (valleyThreshold is not null) fields["valleyThreshold"] = valleyThreshold;

        var response = await PostForm(admin, "Settings", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        Setting(warehouse, "min_group_size").ShouldBe("5");
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log where action = 'settings change'")).ShouldBe(0);
    }

    [Fact]
    public async Task With_a_configured_floor_of_6_the_admin_cannot_set_5()
    {
        using var floor6 = app.WithWebHostBuilder(b => b.UseSetting("Privacy:MinGroupSize", "6"));
        var admin = await floor6.SignedInClient("Admin");
        var warehouse = Db(floor6);
        // At start the seeded 5 was raised to the configured floor.
        Setting(warehouse, "min_group_size").ShouldBe("6");
        var changesAtStart = warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log where action = 'settings change'"));

        var response = await PostForm(admin, "Settings", new() { ["minGroupSize"] = "5", ["goLiveMonth"] = "", ["valleyThreshold"] = "0.25" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The minimum group size is at least 6");
        Setting(warehouse, "min_group_size").ShouldBe("6");
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log where action = 'settings change'")).ShouldBe(changesAtStart);
        warehouse.Read(c => c.ExecuteScalar<int>("select min_group_size from dim_organisation")).ShouldBe(6);
    }

    [Fact]
    public async Task A_stricter_admin_value_survives_a_restart_and_a_higher_configured_floor_raises_it_at_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aci-admin-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = new ImportsApp(folder))
            {
                var admin = await first.SignedInClient("Admin");
                (await PostForm(admin, "Settings", new() { ["minGroupSize"] = "7", ["goLiveMonth"] = "", ["valleyThreshold"] = "0.25" }))
                    .StatusCode.ShouldBe(HttpStatusCode.Redirect);
                Setting(Db(first), "min_group_size").ShouldBe("7");
            }

            // Same data folder, the default floor 5; then a configured floor 6, still below the admin's 7.
            using (var second = new ImportsApp(folder))
            {
                Setting(Db(second), "min_group_size").ShouldBe("7");
                var admin = await second.SignedInClient("Admin");
                (await admin.GetStringAsync("/admin")).ShouldContain("value=\"7\"");
            }
            using (var root = new ImportsApp(folder))
            using (var third = root.WithWebHostBuilder(b => b.UseSetting("Privacy:MinGroupSize", "6")))
            {
                var warehouse = Db(third);
                Setting(warehouse, "min_group_size").ShouldBe("7");
                warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log where actor = 'configuration'")).ShouldBe(0);
            }

            // A configured floor above the stored value raises it at start, audited as the configuration's doing.
            using (var root = new ImportsApp(folder))
            using (var fourth = root.WithWebHostBuilder(b => b.UseSetting("Privacy:MinGroupSize", "9")))
            {
                var warehouse = Db(fourth);
                Setting(warehouse, "min_group_size").ShouldBe("9");
                warehouse.Read(c => c.ExecuteScalar<int>("select min_group_size from dim_organisation")).ShouldBe(9);
                var entries = warehouse.Read(c => c.Query<(string Actor, string Action, string Detail)>(
                    "select actor, action, detail from audit_log where actor = 'configuration'").ToList());
                entries.ShouldBe([("configuration", "settings change", "min_group_size: 7 -> 9 (Privacy:MinGroupSize)")]);
                var admin = await fourth.SignedInClient("Admin");
                (await admin.GetStringAsync("/admin")).ShouldContain("name=\"minGroupSize\" min=\"9\" max=\"50\" value=\"9\"");
            }
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task The_survey_wave_gap_is_a_setting_that_regroups_the_waves_at_once_and_is_audited()
    {
        var admin = await app.SignedInClient("Admin");
        var warehouse = Db(app);
        // Responses on 3, 4 and 20 March: gaps of 1 and 16 days.
        var summary = app.Services.GetRequiredService<AiChangeInsights.Warehouse.Ingest.Importer>().Import(app.File("pulse.csv", """
            survey,response_id,submitted_at,department,Ik vertrouw de resultaten van AI.
            Pulse,R1,2025-03-03 09:00,Verkoop,4
            Pulse,R2,2025-03-04 09:00,Verkoop,4
            Pulse,R3,2025-03-20 09:00,Verkoop,4

            """), new AiChangeInsights.Warehouse.Ingest.ImportRequest());
        summary.Status.ShouldBe("loaded", summary.Message);
        (await admin.GetStringAsync("/admin")).ShouldContain("name=\"surveyWaveGapDays\" min=\"1\" max=\"180\" step=\"1\" value=\"21\"");
        string? Runs() => warehouse.Read(c => c.ExecuteScalar<string>("select string_agg(wave || ':' || runs, ' ' order by wave) from survey_wave"));
        Runs().ShouldBe("2025-03-01:1");

        // At 10 days the 16-day gap starts a second run; it begins in March too, so March stays one wave of two runs.
        var response = await PostForm(admin, "Settings", new() { ["minGroupSize"] = "5", ["goLiveMonth"] = "", ["valleyThreshold"] = "0.25", ["surveyWaveGapDays"] = "10" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Setting(warehouse, "survey_wave_gap_days").ShouldBe("10");
        Runs().ShouldBe("2025-03-01:2");
        LastAudit(warehouse).ShouldBe(("demo Admin", "settings change", "survey_wave_gap_days: 21 -> 10"));

        var refused = await PostForm(admin, "Settings", new() { ["minGroupSize"] = "5", ["goLiveMonth"] = "", ["valleyThreshold"] = "0.25", ["surveyWaveGapDays"] = "0" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("The survey wave gap is a whole number of days from 1 to 180");
        Setting(warehouse, "survey_wave_gap_days").ShouldBe("10");
    }

    // ---------------------------------------------------------------- KPI targets and backups

    [Fact]
    public async Task A_kpi_target_is_stored_audited_and_an_empty_target_goes_back_to_the_default()
    {
        var admin = await app.SignedInClient("Admin");
        var warehouse = Db(app);
        var kpi = TargetForm().Match(await admin.GetStringAsync("/admin")).Groups[1].Value;
        kpi.ShouldNotBeEmpty();
        var (defaultTarget, defaultAmber) = warehouse.Read(c => c.QuerySingle<(double, double)>("select target, amber from kpi_definition where kpi = $kpi", new { kpi }));

        var set = await PostForm(admin, "Targets", new() { ["kpi"] = kpi, ["target"] = "0,85", ["amber"] = "0.65" });

        set.StatusCode.ShouldBe(HttpStatusCode.Redirect, await set.Content.ReadAsStringAsync());
        warehouse.Read(c => c.Query<(string, string, double, double)>("select kpi, department, target, amber from kpi_target").ToList())
            .ShouldBe([(kpi, "All", 0.85, 0.65)]);
        LastAudit(warehouse).ShouldBe(("demo Admin", "settings change", $"target {kpi}: 0.85 (amber 0.65)"));
        (await admin.GetStringAsync("/admin")).ShouldContain("value=\"0.85\"");

        var reset = await PostForm(admin, "Targets", new() { ["kpi"] = kpi, ["target"] = "", ["amber"] = "" });

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from kpi_target")).ShouldBe(0);
        LastAudit(warehouse).ShouldBe(("demo Admin", "settings change", $"target {kpi}: back to the default {defaultTarget} (amber {defaultAmber})"));

        (await PostForm(admin, "Targets", new() { ["kpi"] = "no_such_kpi", ["target"] = "1", ["amber"] = "1" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from kpi_target")).ShouldBe(0);
    }

    [Fact]
    public async Task A_target_without_its_amber_line_or_with_amber_on_the_wrong_side_is_refused_and_the_stored_target_stays()
    {
        var admin = await app.SignedInClient("Admin");
        var warehouse = Db(app);
        // adoption_rate: higher is better, so amber (the warning line) lies below the target.
        (await PostForm(admin, "Targets", new() { ["kpi"] = "adoption_rate", ["target"] = "0.7", ["amber"] = "0.5" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var audited = warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log"));

        var onlyTarget = await PostForm(admin, "Targets", new() { ["kpi"] = "adoption_rate", ["target"] = "0.8", ["amber"] = "" });
        var wrongSide = await PostForm(admin, "Targets", new() { ["kpi"] = "adoption_rate", ["target"] = "0.6", ["amber"] = "0.65" });

        onlyTarget.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await onlyTarget.Content.ReadAsStringAsync()).ShouldContain("give both a target and an amber line");
        wrongSide.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrongSide.Content.ReadAsStringAsync()).ShouldContain("the amber line must be below the target");
        warehouse.Read(c => c.Query<(double, double)>("select target, amber from kpi_target where kpi = 'adoption_rate'").Single()).ShouldBe((0.7, 0.5));
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log")).ShouldBe(audited);
    }

    [Fact]
    public async Task Back_up_now_writes_a_backup_with_its_manifest_and_an_audit_entry()
    {
        var admin = await app.SignedInClient("Admin");
        var warehouse = Db(app);
        var backups = Path.Combine(app.DataFolder, "backups");
        Directory.Exists(backups).ShouldBeFalse();
        (await admin.GetStringAsync("/admin?lang=en")).ShouldContain("No backup yet");

        var response = await PostForm(admin, "Backup", []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var folder = Directory.GetDirectories(backups).ShouldHaveSingleItem();
        var name = Path.GetFileName(folder);
        name.ShouldStartWith("warehouse-");
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json"))).RootElement;
        manifest.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("Table").GetString()).ShouldContain("setting");
        var (actor, action, detail) = LastAudit(warehouse);
        (actor, action).ShouldBe(("demo Admin", "backup"));
        detail.ShouldStartWith(name + " (");
        AuditRows(await admin.GetStringAsync("/admin"), "backups").ShouldContain(r => r.Cells[0] == name);
    }

    // ---------------------------------------------------------------- audit log

    [Fact]
    public async Task Audit_entries_name_accounts_by_role_and_pseudonym_never_by_e_mail_or_name()
    {
        var admin = await app.SignedInClient("Admin");
        var audit = app.Services.GetRequiredService<AuditLog>();
        var warehouse = Db(app);

        // A demo user: role only.
        warehouse.Read(c => c.Query<string>("select actor from audit_log where action = 'sign-in'").ToList()).ShouldBe(["demo Admin"]);

        // An account of the organisation (as OpenID Connect signs it in): role and pseudonym.
        var user = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Email, "someone@example.nl"),
            new Claim(ClaimTypes.Name, "Sanne Someone"),
            new Claim(ClaimTypes.NameIdentifier, "someone@example.nl"),
            new Claim(ClaimTypes.Role, "Analyst"),
        ], "oidc"));
        var actor = audit.Actor(user);
        var pseudonym = audit.Pseudonym("someone@example.nl");
        pseudonym.ShouldMatch("^[0-9a-f]{12}$");
        actor.ShouldBe($"Analyst {pseudonym}");
        // Not the person_key of the same e-mail: an audit entry joins to no employee's rows.
        app.Services.GetRequiredService<WarehouseDb>().Pseudonymiser.PersonKey("someone@example.nl").ShouldNotStartWith(pseudonym);
        audit.Write(actor, "upload", "survey.csv", "10.0.0.7");

        var json = await admin.GetStringAsync("/admin/audit.json");
        var page = await admin.GetStringAsync("/admin");
        var xlsx = Cells(await admin.GetByteArrayAsync("/admin/audit.xlsx"));
        foreach (var (what, text) in new[] { ("json", json), ("page", AuditTable(page)), ("xlsx", xlsx) })
        {
            text.ShouldContain(actor, customMessage: what);
            text.ShouldNotContain("someone", Case.Insensitive, what);
            text.ShouldNotContain("example.nl", Case.Insensitive, what);
            text.ShouldNotContain("Sanne", Case.Insensitive, what);
            text.ShouldNotContain("Demo Admin", Case.Sensitive, what); // the demo user's name claim
            text.ShouldNotContain("demo-admin", Case.Insensitive, what); // and its name identifier
        }
        warehouse.Read(c => c.ExecuteScalar<long>("""
            select count(*) from audit_log
            where actor like '%@%' or actor ilike '%someone%' or actor ilike '%sanne%' or actor = 'Demo Admin'
            """)).ShouldBe(0);
    }

    [Fact]
    public async Task The_audit_exports_return_the_entries_and_fetching_them_is_itself_audited()
    {
        var admin = await app.SignedInClient("Admin");
        var audit = app.Services.GetRequiredService<AuditLog>();
        var actor = $"Analyst {audit.Pseudonym("someone@example.nl")}";
        audit.Write(actor, "upload", "survey.csv", "10.0.0.7");
        audit.Write(actor, "export", "=HYPERLINK(\"http://evil.example\")", null);

        var json = JsonDocument.Parse(await admin.GetStringAsync("/admin/audit.json")).RootElement.EnumerateArray().ToList();

        json.Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString()))
            .ShouldBe([("demo Admin", "sign-in"), (actor, "upload"), (actor, "export")], ignoreOrder: true);
        var upload = json.Single(e => e.GetProperty("action").GetString() == "upload");
        (upload.GetProperty("detail").GetString(), upload.GetProperty("remote_address").GetString()).ShouldBe(("survey.csv", "10.0.0.7"));
        upload.GetProperty("occurred_at").GetDateTime().ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(5));
        LastAudit(Db(app)).ShouldBe(("demo Admin", "export", "audit log (json)"));

        var response = await admin.GetAsync("/admin/audit.xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync())))
        {
            var sheet = workbook.Worksheet(1);
            Enumerable.Range(1, 5).Select(c => sheet.Cell(1, c).GetString()).ShouldBe(["When (UTC)", "Who", "Action", "What", "From"]);
            var rows = Enumerable.Range(2, sheet.LastRowUsed()!.RowNumber() - 1)
                .Select(r => (Who: sheet.Cell(r, 2).GetString(), Action: sheet.Cell(r, 3).GetString(), What: sheet.Cell(r, 4).GetString(), From: sheet.Cell(r, 5).GetString()))
                .ToList();
            // The json export just now is in it (newest first), beside the three entries before.
            rows.Count.ShouldBe(4);
            (rows[0].Who, rows[0].Action, rows[0].What).ShouldBe(("demo Admin", "export", "audit log (json)"));
            rows.ShouldContain((actor, "upload", "survey.csv", "10.0.0.7"));
            // A detail that looks like a formula stays text.
            var formula = Enumerable.Range(2, rows.Count).Single(r => sheet.Cell(r, 4).GetString().StartsWith('='));
            sheet.Cell(formula, 4).HasFormula.ShouldBeFalse();
            sheet.Cell(2, 1).GetDateTime().ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(5));
        }
        LastAudit(Db(app)).ShouldBe(("demo Admin", "export", "audit log (xlsx)"));
    }

    [Fact]
    public async Task The_account_lookup_finds_entries_by_the_pseudonym_of_an_e_mail_and_the_action_filter_narrows_them()
    {
        var admin = await app.SignedInClient("Admin");
        var audit = app.Services.GetRequiredService<AuditLog>();
        var someone = $"Analyst {audit.Pseudonym("someone@example.nl")}";
        var other = $"Leadership {audit.Pseudonym("other@example.nl")}";
        audit.Write(someone, "upload", "survey.csv", null);
        audit.Write(someone, "export", "adoption-curve.xlsx", null);
        audit.Write(other, "export", "people-matrix.xlsx", null);

        // Any spelling of the address: the pseudonym is of the trimmed, lower-case e-mail.
        var bySomeone = AuditRows(await admin.GetStringAsync("/admin?account=" + Uri.EscapeDataString(" SomeOne@Example.NL ")));
        bySomeone.Select(r => (r.Who, r.Action, r.What)).Order().ShouldBe([(someone, "export", "adoption-curve.xlsx"), (someone, "upload", "survey.csv")]);

        var byPseudonym = AuditRows(await admin.GetStringAsync("/admin?account=" + audit.Pseudonym("other@example.nl")));
        byPseudonym.Select(r => (r.Who, r.Action, r.What)).ShouldBe([(other, "export", "people-matrix.xlsx")]);

        var exports = AuditRows(await admin.GetStringAsync("/admin?action=export"));
        exports.Select(r => r.What).Order().ShouldBe(["adoption-curve.xlsx", "people-matrix.xlsx"]);

        var both = AuditRows(await admin.GetStringAsync("/admin?action=export&account=someone%40example.nl"));
        both.Select(r => (r.Who, r.What)).ShouldBe([(someone, "adoption-curve.xlsx")]);

        // The downloads follow the same filter.
        var json = JsonDocument.Parse(await admin.GetStringAsync("/admin/audit.json?account=someone%40example.nl")).RootElement;
        json.EnumerateArray().Select(e => e.GetProperty("actor").GetString()).Distinct().ShouldBe([someone]);
        json.GetArrayLength().ShouldBe(2);
    }

    [Theory]
    [InlineData("Leadership")]
    [InlineData("Analyst")]
    [InlineData("WorksCouncil")]
    public async Task Other_roles_get_403_on_the_admin_page_and_the_audit_exports(string role)
    {
        var client = await app.SignedInClient(role);
        var warehouse = Db(app);
        var entries = warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log"));

        foreach (var path in new[] { "/admin", "/admin/audit.json", "/admin/audit.xlsx", "/admin?account=someone%40example.nl" })
            (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        var token = await ImportsApp.Token(client);
        var post = await client.PostAsync("/admin?handler=Settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["minGroupSize"] = "9", ["goLiveMonth"] = "", ["valleyThreshold"] = "0.25", ["__RequestVerificationToken"] = token,
        }));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        Setting(warehouse, "min_group_size").ShouldBe("5");
        warehouse.Read(c => c.ExecuteScalar<long>("select count(*) from audit_log")).ShouldBe(entries); // no export was written
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>The demo roster and one survey wave (2025-09, from the June wave) with Verkoop 6 and Financiën &amp; HR 5 respondents.</summary>
    static TestWarehouse SmallGroupsWarehouse()
    {
        var data = new TestWarehouse();
        data.Import(Path.Combine(Repository.SeedData, "roster.csv")).Status.ShouldBe("loaded");
        var lines = File.ReadAllLines(Path.Combine(Repository.SeedData, "survey_2025-06.csv"), Encoding.UTF8);
        var kept = new Dictionary<string, int> { ["Verkoop"] = 6, ["Financiën & HR"] = 5, ["Directie"] = 0 };
        var seen = new Dictionary<string, int>();
        var survey = new StringBuilder(lines[0]).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            var department = fields[3];
            seen[department] = seen.GetValueOrDefault(department) + 1;
            if (kept.TryGetValue(department, out var keep) && seen[department] > keep) continue;
            fields[1] = fields[1].Replace("2025-06", "2025-09");
            fields[2] = fields[2].Replace("2025-06", "2025-09");
            survey.Append(string.Join(',', fields)).Append('\n');
        }
        data.Import(data.File("survey_2025-09.csv", survey.ToString())).Status.ShouldBe("loaded");
        data.Close();
        return data;
    }

    static WarehouseDb Db(WebApplicationFactory<Program> factory) => factory.Services.GetRequiredService<WarehouseDb>();

    static string? Setting(WarehouseDb warehouse, string key) =>
        warehouse.Read(c => c.ExecuteScalar<string?>("select value from setting where key = $key", new { key }));

    static (string Actor, string Action, string? Detail) LastAudit(WarehouseDb warehouse) =>
        warehouse.Read(c => c.QueryFirst<(string, string, string?)>("select actor, action, detail from audit_log order by occurred_at desc limit 1"));

    static async Task<JsonElement> Json(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    static JsonElement Row(IEnumerable<JsonElement> rows, string quarter, string department, string label) =>
        rows.Single(r => r.GetProperty("quarter").GetString() == quarter && r.GetProperty("department").GetString() == department
                         && r.GetProperty("label_en").GetString() == label);

    /// <summary>Posts a form of the Admin page as the browser would: with the page's own antiforgery token.</summary>
    static async Task<HttpResponseMessage> PostForm(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync("/admin");
        var token = AntiforgeryField.Pattern().Match(page);
        token.Success.ShouldBeTrue("the Admin page's forms carry an antiforgery token");
        fields["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync($"/admin?handler={handler}", new FormUrlEncodedContent(fields));
    }

    /// <summary>The body of the page's table with this id (the Razor scoped-CSS attribute may follow any tag name).</summary>
    static string TableBody(string html, string id)
    {
        var table = Regex.Match(html, $"<table[^>]*\\sid=\"{id}\"[^>]*>.*?<tbody[^>]*>(.*?)</tbody>", RegexOptions.Singleline);
        table.Success.ShouldBeTrue($"the Admin page shows the table #{id}");
        return table.Groups[1].Value;
    }

    static string AuditTable(string html) => System.Net.WebUtility.HtmlDecode(TableBody(html, "audit"));

    static List<(string[] Cells, string Who, string Action, string What, string From)> AuditRows(string html, string id = "audit") =>
        TableRow().Matches(TableBody(html, id)).Select(m =>
        {
            var cells = TableCell().Matches(m.Groups[1].Value).Select(c => System.Net.WebUtility.HtmlDecode(c.Groups[1].Value).Trim()).ToArray();
            return id == "audit" ? (cells, cells[1], cells[2], cells[3], cells[4]) : (cells, "", "", "", "");
        }).ToList();

    static string Cells(byte[] xlsx)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        return string.Join("\n", workbook.Worksheet(1).RowsUsed().Select(r => string.Join("\t", r.CellsUsed().Select(c => c.GetString()))));
    }


    [GeneratedRegex("id=\"target-(\\w+)\"")]
    private static partial Regex TargetForm();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex TableCell();
}
