using System.Diagnostics;
using System.Text.Json;
using AiChangeInsights.Cli;

namespace AiChangeInsights.Tests.Cli;

public sealed class AciTests : IDisposable
{
    readonly TestWarehouse test = new();
    readonly string database;

    public AciTests()
    {
        database = Path.Combine(test.Folder, "cli", "warehouse.duckdb");
        Environment.SetEnvironmentVariable("ACI_SITE_SECRET", TestWarehouse.Secret);
    }

    public void Dispose() => test.Dispose();

    static (int Exit, string Output, string Errors) Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = Aci.Run(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Import_with_json_prints_one_summary_per_file_with_every_field_of_the_contract()
    {
        var good = test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n");
        var bad = test.File("broken.csv", "email,department\n\"an@example.nl,Verkoop\n");

        var (exit, output, _) = Run("import", good, bad, good, "--db", database, "--json");

        exit.ShouldBe(Aci.SomeRejected);
        var summaries = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        summaries.Select(s => s.GetProperty("status").GetString()).ShouldBe(["loaded", "rejected", "already_imported"]);
        foreach (var field in new[] { "file", "source", "status", "rows_read", "rows_loaded", "rows_rejected", "duplicates", "message" })
            foreach (var summary in summaries) summary.TryGetProperty(field, out var _).ShouldBeTrue(field);
        summaries[0].GetProperty("rows_loaded").GetInt64().ShouldBe(1);
        summaries[1].GetProperty("message").GetString()!.ShouldContain("broken.csv line 2, column 1: a quote opened here is never closed");
    }

    [Fact]
    public void Sql_prints_csv_with_a_header_row_or_json()
    {
        Run("import", test.File("roster.csv", "email,department\nan@example.nl,\"Financiën, HR\"\nbo@example.nl,Verkoop\n"), "--db", database);

        var csv = Run("sql", "select department, people from dim_department order by department", "--db", database);
        csv.Exit.ShouldBe(0);
        csv.Output.ShouldBe("department,people\n\"Financiën, HR\",1\nVerkoop,1\n", StringCompareShould.IgnoreLineEndings);

        var json = Run("sql", "select department, people from dim_department order by department", "--db", database, "--format", "json");
        JsonDocument.Parse(json.Output).RootElement.GetArrayLength().ShouldBe(2);
        json.Output.ShouldContain("\"department\":\"Financiën, HR\"");
    }

    [Fact]
    public void Usage_errors_and_unknown_sources_say_what_is_wrong()
    {
        Run("import").Errors.ShouldContain("import needs at least one FILE");
        Run("import", "x.csv", "--source", "payroll").Errors.ShouldContain("unknown source 'payroll'");
        Run("import", test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n"), "--db", database).Exit.ShouldBe(Aci.Ok);
        var badQuery = Run("sql", "select nonsense from nowhere", "--db", database);
        badQuery.Exit.ShouldBe(Aci.BadUsage);
        badQuery.Errors.ShouldContain("nowhere");
        // Counts are checked before any work starts, instead of ending aci with a .NET stack trace.
        var badRows = Run("bench", "import", "--rows", "1e6");
        badRows.Exit.ShouldBe(Aci.BadUsage);
        badRows.Errors.ShouldStartWith("aci: --rows must be a whole number above 0, not '1e6'");
        Run("backup", "--keep", "-1", "--db", database).Errors.ShouldContain("--keep must be a whole number above 0, not '-1'");
    }

    [Fact]
    public void Sql_only_reads_so_history_undo_and_marts_stay_in_step()
    {
        Run("import", test.File("roster.csv", "email,department\nan@example.nl,Verkoop\nbo@example.nl,Verkoop\n"), "--db", database).Exit.ShouldBe(Aci.Ok);

        var delete = Run("sql", "delete from raw_roster", "--db", database);

        delete.Exit.ShouldBe(Aci.BadUsage);
        delete.Errors.ShouldContain("aci: sql only reads the warehouse: change data by importing, undoing an import or the settings page");
        Run("sql", "select count(*) as rows from raw_roster", "--db", database).Output.ShouldBe("rows\n2\n", StringCompareShould.IgnoreLineEndings);
        // A scratch table of its own is still fine: temp tables live in memory, not in the warehouse.
        Run("sql", "create temp table t as select 42 as x; select x from t", "--db", database).Output.ShouldBe("x\n42\n", StringCompareShould.IgnoreLineEndings);
    }

    [Fact]
    public void A_mistyped_db_is_refused_instead_of_answering_from_a_new_empty_warehouse()
    {
        var typo = Path.Combine(test.Folder, "dta", "warehouse.duckdb");

        foreach (var command in new[] { new[] { "sql", "select count(*) from raw_usage" }, ["backup"], ["export", "--report", "quarterly", "--quarter", "2025Q4"],
                     ["bench", "--runs", "1"] })
        {
            var (exit, output, errors) = Run([.. command, "--db", typo]);
            exit.ShouldBe(Aci.BadUsage, command[0]);
            errors.ShouldContain($"there is no warehouse at {typo}: check --db");
            output.ShouldBeEmpty();
        }
        Directory.Exists(Path.GetDirectoryName(typo)).ShouldBeFalse();

        // Import creates the warehouse where --db says, as before.
        Run("import", test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n"), "--db", typo).Exit.ShouldBe(Aci.Ok);
        Run("sql", "select count(*) as people from dim_person", "--db", typo).Output.ShouldBe("people\n1\n", StringCompareShould.IgnoreLineEndings);
    }

    [Fact]
    public void When_the_server_holds_the_file_aci_says_so_in_one_line()
    {
        var held = new TestWarehouse();
        try
        {
            // This test process plays the server: it holds the DuckDB file while a real aci process tries to open it.
            var aci = Path.Combine(AppContext.BaseDirectory, "aci.dll");
            var start = new ProcessStartInfo("dotnet", ["exec", aci, "import", test.File("r.csv", "email,department\na@b.nl,X\n"),
                "--db", Path.Combine(held.Folder, "warehouse.duckdb")])
            {
                RedirectStandardError = true, RedirectStandardOutput = true,
            };
            start.Environment["ACI_SITE_SECRET"] = TestWarehouse.Secret;
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();

            process.ExitCode.ShouldBe(Aci.WarehouseBusy);
            errors.Trim().Split('\n').Length.ShouldBe(1);
            errors.ShouldContain($"is in use by another process (PID {Environment.ProcessId})");
            errors.ShouldContain("/api/imports");
            errors.ShouldContain("Set ACI_API_KEY");
        }
        finally
        {
            held.Dispose();
        }
    }

    [Fact]
    public void When_the_server_holds_the_file_aci_import_goes_through_its_api_with_an_api_key()
    {
        using var server = new Web.Imports.ImportsApp().OnPort();
        _ = server.CreateClient(); // the server opens (and so holds) the warehouse
        var aci = Path.Combine(AppContext.BaseDirectory, "aci.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", aci, "import", test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n"),
            "--db", Path.Combine(server.DataFolder, "warehouse.duckdb"), "--json"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        start.Environment["ACI_API_KEY"] = Web.Imports.ImportsApp.ApiKey;
        start.Environment["ACI_SERVER"] = $"http://127.0.0.1:{server.Port}";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        process.ExitCode.ShouldBe(Aci.Ok, errors);
        var summary = JsonDocument.Parse(output).RootElement;
        summary.GetProperty("status").GetString().ShouldBe("loaded");
        summary.GetProperty("rows_loaded").GetInt64().ShouldBe(1);
    }

    [Fact]
    public void Times_are_stored_in_utc_on_a_server_in_another_time_zone()
    {
        // DuckDB takes the zone from TZ; now() would store Amsterdam time beside the UTC times written from C#.
        Run("import", test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n"), "--db", database).Exit.ShouldBe(Aci.Ok);
        var aci = Path.Combine(AppContext.BaseDirectory, "aci.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", aci, "sql",
            "select current_setting('TimeZone') || ' ' || (abs(epoch(now()::timestamp) - epoch(get_current_timestamp())) < 60)::varchar", "--db", database])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        start.Environment["TZ"] = "Europe/Amsterdam";
        start.Environment["ACI_SITE_SECRET"] = TestWarehouse.Secret;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        output.ShouldContain("UTC true");
    }

    [Fact]
    public void Seed_loads_the_demo_organisation_once()
    {
        var first = Run("seed", "--db", database, "--seed-data", Repository.SeedData);
        first.Exit.ShouldBe(0, first.Output);
        first.Output.ShouldContain("loaded");

        var second = Run("seed", "--db", database, "--seed-data", Repository.SeedData);
        second.Output.ShouldContain("already holds data");
    }
}
