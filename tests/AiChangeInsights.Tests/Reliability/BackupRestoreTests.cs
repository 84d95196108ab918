using AiChangeInsights.Cli;
using AiChangeInsights.Warehouse;
using AiChangeInsights.Warehouse.Backups;
using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Tests.Reliability;

public sealed class BackupRestoreTests : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void A_restored_backup_has_every_table_with_the_same_row_count_and_checksum()
    {
        DemoWarehouse.ImportSeedData(test);
        var live = test.Warehouse.Read(Backups.States);
        var backup = new Backups(test.Warehouse).Create(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), keep: 7);
        // The test's secret comes from configuration, as in a server with Privacy:SiteSecret: not copied.
        File.Exists(Path.Combine(backup.Folder, "site.secret")).ShouldBeFalse();

        var target = Path.Combine(test.Folder, "restored", "warehouse.duckdb");
        var restored = Backups.Restore(backup.Folder, target);

        live.Count.ShouldBeGreaterThan(40);
        restored.ShouldBe(live);
        Backups.ManifestStates(backup.Folder).ShouldBe(live);
        // The restored file opens as a warehouse: same schema, same KPIs, the same pseudonyms for the next import.
        using var reopened = Warehouse.Warehouse.Open(WarehouseOptions.ForDatabaseFile(target, TestWarehouse.Secret));
        reopened.SchemaVersion.ShouldBe(test.Warehouse.SchemaVersion);
        reopened.Read(c => Dapper.SqlMapper.ExecuteScalar<double>(c, "select sum(value) from kpi_matrix where value is not null"))
            .ShouldBe(test.Scalar<double>("select sum(value) from kpi_matrix where value is not null"), 1e-6);
        reopened.Pseudonymiser.PersonKey("an@example.nl").ShouldBe(test.Warehouse.Pseudonymiser.PersonKey("an@example.nl"));
    }

    [Fact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_generated_site_secret_goes_into_the_backup_readable_by_its_owner_only()
    {
        var folder = Path.Combine(test.Folder, "own-secret");
        Backups.Backup backup;
        using (var own = Warehouse.Warehouse.Open(new WarehouseOptions { DataFolder = folder }))
        {
            new Importer(own).Import(test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n"), new ImportRequest()).Status.ShouldBe(ImportSummary.Loaded);
            backup = new Backups(own).Create(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), keep: 7);
        }
        var copy = Path.Combine(backup.Folder, "site.secret");
        File.ReadAllText(copy).ShouldBe(File.ReadAllText(Path.Combine(folder, "site.secret")));
        File.GetUnixFileMode(copy).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Only_the_newest_backups_are_kept_and_a_restore_never_overwrites_a_warehouse()
    {
        test.Import(test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n"));
        var backups = new Backups(test.Warehouse);
        for (var day = 1; day <= 4; day++) backups.Create(new DateTime(2026, 1, day, 2, 30, 0, DateTimeKind.Utc), keep: 2);

        backups.List().Select(b => b.Name).ShouldBe(["warehouse-20260104-023000", "warehouse-20260103-023000"]);
        Should.Throw<InvalidOperationException>(() => Backups.Restore(backups.List()[0].Folder, test.Warehouse.DatabasePath))
            .Message.ShouldContain("restore into a new file");
        Should.Throw<ArgumentException>(() => Backups.Restore(test.Folder, Path.Combine(test.Folder, "x.duckdb")));
    }

    [Fact]
    public void Aci_backs_up_and_restores_and_checks_the_manifest()
    {
        var database = Path.Combine(test.Folder, "cli", "warehouse.duckdb");
        Environment.SetEnvironmentVariable("ACI_SITE_SECRET", TestWarehouse.Secret);
        var output = new StringWriter();
        Aci.Run(["import", test.File("roster.csv", "email,department\nan@example.nl,Verkoop\n"), "--db", database], output, output).ShouldBe(0);
        Aci.Run(["backup", "--db", database], output, output).ShouldBe(0);
        var folder = Directory.GetDirectories(Path.Combine(test.Folder, "cli", "backups")).Single();

        var restoredOutput = new StringWriter();
        Aci.Run(["restore", folder, "--db", Path.Combine(test.Folder, "restored-cli", "warehouse.duckdb")], restoredOutput, restoredOutput).ShouldBe(0, restoredOutput.ToString());
        restoredOutput.ToString().ShouldContain("every row count and checksum matches");
    }
}
