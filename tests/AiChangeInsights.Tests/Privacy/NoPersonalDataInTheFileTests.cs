using System.Text;
using AiChangeInsights.Warehouse.Ingest;
using Dapper;

namespace AiChangeInsights.Tests.Privacy;

/// <summary>The DuckDB file must hold no name and no e-mail address: people are pseudonyms only.</summary>
public sealed class NoPersonalDataInTheFileTests
{
    static (List<string> Emails, List<string> Names) RosterPeople()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.SeedData, "roster.csv"), Encoding.UTF8);
        var header = lines[0].TrimStart('\uFEFF').Split(';');
        int email = Array.IndexOf(header, "E-mail"), name = Array.IndexOf(header, "Naam");
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';')).ToList();
        return (rows.Select(r => r[email]).ToList(), rows.Select(r => r[name]).ToList());
    }

    static byte[] DatabaseBytes(TestWarehouse test)
    {
        test.Warehouse.Write(c => c.Execute("checkpoint"));
        return Directory.EnumerateFiles(test.Folder, "warehouse.duckdb*").SelectMany(File.ReadAllBytes).ToArray();
    }

    static TestWarehouse UncompressedWarehouse()
    {
        // Stored uncompressed, a string in the file is findable byte for byte: the scan below cannot miss one.
        var test = new TestWarehouse();
        test.Warehouse.Write(c => c.Execute("set global force_compression = 'uncompressed'"));
        return test;
    }

    [Fact]
    public void The_byte_scan_finds_an_e_mail_address_when_one_is_stored()
    {
        using var test = UncompressedWarehouse();
        var (emails, _) = RosterPeople();
        test.Warehouse.Write(c => c.Execute("insert into audit_log values (now(), $who, 'control', null, null)", new { who = emails[0] }));

        Encoding.UTF8.GetString(DatabaseBytes(test)).ShouldContain(emails[0]);
    }

    [Fact]
    public void After_importing_the_demo_organisation_no_roster_e_mail_or_name_is_in_the_file()
    {
        using var test = UncompressedWarehouse();
        DemoWarehouse.ImportSeedData(test).ShouldAllBe(s => s.Status == "loaded");
        var (emails, names) = RosterPeople();

        var text = Encoding.UTF8.GetString(DatabaseBytes(test));
        emails.Where(e => text.Contains(e, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
        names.Where(n => text.Contains(n, StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void A_roster_s_identities_and_the_logins_and_numbers_they_join_are_nowhere_in_the_file()
    {
        using var test = UncompressedWarehouse();
        string[] identities = ["an.upn-7q@corp-upn.example", "an.prive-7q@mailbox.example", "PN-770431", "octo-an-7q"];
        test.Import(test.File("roster.csv", $"""
            E-mail;Afdeling;UPN;E-mailadres privé;Personeelsnummer;GitHub-login
            an.devries@example.nl;Verkoop;{identities[0]};{identities[1]};{identities[2]};{identities[3]}

            """)).Status.ShouldBe("loaded");
        // Each identity also as another tool's user: every one joins An, none is stored.
        var usage = test.Import(test.File("usage.csv", "date,user,tool\n" + string.Concat(identities.Select(i => $"2025-03-03,{i},Assistent\n"))));
        usage.Message.ShouldContain("Rows joined to the roster: 1 by UPN, 1 by another e-mail address, 1 by employee number, 1 by GitHub login.");

        var text = Encoding.UTF8.GetString(DatabaseBytes(test));
        identities.Where(i => text.Contains(i, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty();
        text.ShouldNotContain("770431");
    }

    [Fact]
    public void No_text_column_of_any_table_holds_an_e_mail_address()
    {
        using var test = new TestWarehouse();
        DemoWarehouse.ImportSeedData(test);
        test.Import(test.File("bad-roster.csv", "email,department\nnot-an-email,Verkoop\nwho@example.nl,\n"));

        var columns = test.Query<(string Table, string Column)>("""
            select table_name, column_name from information_schema.columns
            where table_schema = 'main' and data_type = 'VARCHAR'
            """);
        columns.Count.ShouldBeGreaterThan(20);
        foreach (var (table, column) in columns)
            test.Scalar<long>($"select count(*) from \"{table}\" where \"{column}\" like '%@%'").ShouldBe(0, $"{table}.{column}");
    }

    [Fact]
    public void A_person_key_is_the_HMAC_of_the_trimmed_lower_case_e_mail()
    {
        using var test = new TestWarehouse();
        test.Import(test.File("roster.csv", "email,department\n  An.Example@Example.NL ,Verkoop\n"));

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(TestWarehouse.Secret), Encoding.UTF8.GetBytes("an.example@example.nl")));
        test.Scalar<string>("select person_key from person").ShouldBe(expected);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_site_secret_is_created_once_readable_by_its_owner_only()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aci-secret-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            var first = AiChangeInsights.Warehouse.Privacy.SiteSecret.LoadOrCreate(folder, null);
            var second = AiChangeInsights.Warehouse.Privacy.SiteSecret.LoadOrCreate(folder, null);
            second.ShouldBe(first);
            File.GetUnixFileMode(Path.Combine(folder, "site.secret")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
