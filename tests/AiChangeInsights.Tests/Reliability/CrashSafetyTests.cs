using System.Diagnostics;
using AiChangeInsights.Warehouse.Backups;
using AiChangeInsights.Warehouse.Ingest;
using Xunit.Abstractions;

namespace AiChangeInsights.Tests.Reliability;

/// <summary>
/// An import in a real aci process, killed with SIGKILL in the middle of a stage: the warehouse reopens exactly as
/// before (every table's row count and checksum), the import is not recorded, and running it again loads it once.
/// </summary>
[Collection("reliability"), Trait("Category", "Reliability")]
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    readonly TestWarehouse test = new();

    public void Dispose() => test.Dispose();

    [Theory]
    [InlineData("validating")]
    [InlineData("loading")]
    [InlineData("refreshing")]
    public void An_import_killed_mid_stage_leaves_the_warehouse_as_before_and_loads_once_when_run_again(string stage)
    {
        DemoWarehouse.ImportSeedData(test);
        var file = Path.Combine(test.Folder, "files", "copilot-2024.csv");
        var rows = LargeUsageFile.Write(file, 500_000, "Copilot 2024");
        var before = Fingerprint();
        var rawBefore = test.Scalar<long>("select count(*) from raw_usage");
        test.Close();

        var seen = KillDuring(stage, file, Path.Combine(test.Folder, "warehouse.duckdb"));
        output.WriteLine($"killed at '{seen}'");

        test.Reopen();
        var after = Fingerprint();
        after.Keys.ShouldBe(before.Keys);
        before.Where(t => after[t.Key] != t.Value).Select(t => $"{t.Key}: {t.Value} -> {after[t.Key]}").ShouldBeEmpty();
        test.Scalar<long>("select count(*) from import_history where file_name = 'copilot-2024.csv'").ShouldBe(0);

        var again = test.Import(file);
        again.Status.ShouldBe(ImportSummary.Loaded, again.Message);
        again.RowsLoaded.ShouldBe(rows);
        test.Scalar<long>("select count(*) from raw_usage").ShouldBe(rawBefore + rows);
        test.Import(file).Status.ShouldBe(ImportSummary.AlreadyImported);
        test.Scalar<long>("select count(*) from raw_usage").ShouldBe(rawBefore + rows);
        ReliabilityFigures.Add(ReliabilityFigures.CrashRecoveries);
    }

    /// <summary>
    /// Rows and checksum of every table. derived_object says when each view was last built, and views are built
    /// at every open: only its names and definition checksums count.
    /// </summary>
    Dictionary<string, string> Fingerprint() => test.Warehouse.Read(c =>
    {
        var states = Backups.States(c).ToDictionary(t => t.Table, t => $"{t.Rows} rows, sum {t.Checksum}");
        states["derived_object"] = string.Join(",", Dapper.SqlMapper.Query<string>(c, "select name || ':' || checksum from derived_object order by name"));
        return states;
    });

    /// <summary>Runs aci import --progress and kills it (SIGKILL, no clean-up of any kind) when it reports the stage.</summary>
    static string KillDuring(string stage, string file, string database)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "aci.dll"), "import", file, "--db", database, "--progress"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        start.Environment["ACI_SITE_SECRET"] = TestWarehouse.Secret;
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        while (process.StandardError.ReadLine() is { } line)
        {
            lines.Add(line);
            if (!line.Contains($": {stage} ", StringComparison.Ordinal)) continue;
            process.Kill(entireProcessTree: true); // SIGKILL on Linux
            process.WaitForExit();
            return line;
        }
        process.WaitForExit();
        throw new InvalidOperationException($"aci finished (exit {process.ExitCode}) before '{stage}': {string.Join(" | ", lines)} {process.StandardOutput.ReadToEnd()}");
    }
}
