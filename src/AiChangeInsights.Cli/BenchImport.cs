using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Warehouse.Ingest.Usage;
using ClosedXML.Excel;
using Dapper;
using DuckDB.NET.Data;

namespace AiChangeInsights.Cli;

/// <summary>
/// <c>aci bench import</c>: a generic usage CSV through the product's import beside DuckDB's own
/// <c>create table … as select * from read_csv(…)</c> of the same file, alternating, each run in a fresh process and
/// a fresh database file; the import's unavoidable step alone (<see cref="CoreOnce"/>), which bounds what the import
/// can reach; and an .xlsx usage file through the import. Peak memory is the process's VmHWM.
/// </summary>
internal static class BenchImport
{
    public sealed record Run(string Path, double Milliseconds, double PeakMegabytes, long Rows);

    public sealed record Result(long CsvRows, double CsvMegabytes, IReadOnlyList<Run> Product, IReadOnlyList<Run> Native, IReadOnlyList<Run> Core,
        double MedianRatio, double CoreMedianRatio, double ProductPeakMegabytes, double NativePeakMegabytes, double CorePeakMegabytes,
        long XlsxRows, double XlsxSeconds)
    {
        public double ProductMedianMs => BenchMath.Median(Product.Select(r => r.Milliseconds));
        public double NativeMedianMs => BenchMath.Median(Native.Select(r => r.Milliseconds));
        public double CoreMedianMs => BenchMath.Median(Core.Select(r => r.Milliseconds));
    }

    public static Result Measure(long rows, int runs, long xlsxRows, TextWriter output)
    {
        var scratch = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"aci-bench-import-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            var csv = System.IO.Path.Combine(scratch, "usage.csv");
            var written = WriteCsv(csv, rows);
            var megabytes = new FileInfo(csv).Length / 1048576.0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Import: {written:N0}-row usage CSV ({megabytes:F0} MB), {runs} alternating runs each, each in a fresh process and database"));
            var product = new List<Run>();
            var native = new List<Run>();
            var core = new List<Run>();
            for (var i = 0; i < runs; i++)
            {
                product.Add(Child("import-once", csv, scratch, i));
                native.Add(Child("native-once", csv, scratch, i));
                core.Add(Child("core-once", csv, scratch, i));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  run {i + 1}: product {product[^1].Milliseconds:F0} ms ({product[^1].PeakMegabytes:F0} MB peak), DuckDB read_csv {native[^1].Milliseconds:F0} ms ({native[^1].PeakMegabytes:F0} MB peak), " +
                    $"summing to the daily grain alone {core[^1].Milliseconds:F0} ms ({core[^1].PeakMegabytes:F0} MB peak)"));
            }
            var ratios = product.Zip(native, (p, n) => p.Milliseconds / n.Milliseconds);
            var coreRatios = core.Zip(native, (c, n) => c.Milliseconds / n.Milliseconds);

            var xlsx = System.IO.Path.Combine(scratch, "usage.xlsx");
            WriteXlsx(xlsx, xlsxRows);
            var xlsxRun = Child("import-once", xlsx, scratch, runs);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {xlsxRows:N0}-row .xlsx: {xlsxRun.Milliseconds / 1000:F1} s ({xlsxRun.PeakMegabytes:F0} MB peak)"));
            return new Result(written, megabytes, product, native, core, BenchMath.Median(ratios), BenchMath.Median(coreRatios),
                product.Max(r => r.PeakMegabytes), native.Max(r => r.PeakMegabytes), core.Max(r => r.PeakMegabytes), xlsxRun.Rows, xlsxRun.Milliseconds / 1000);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The child side: one import, one read_csv or the core step alone into a fresh file, printed as one JSON line.</summary>
    public static int Once(string mode, string file, string database, TextWriter output)
    {
        var clock = new Stopwatch();
        long rows;
        if (mode == "import-once")
        {
            using var warehouse = Warehouse.Warehouse.Open(Warehouse.WarehouseOptions.ForDatabaseFile(database));
            clock.Start();
            var summary = new Importer(warehouse).Import(file, new ImportRequest { ImportedBy = "bench" });
            clock.Stop();
            if (summary.Status != ImportSummary.Loaded) throw new InvalidOperationException(summary.Message);
            rows = summary.RowsLoaded;
        }
        else if (mode == "core-once")
        {
            rows = CoreOnce(file, database, clock);
        }
        else
        {
            using var connection = new DuckDBConnection($"Data Source={database}");
            connection.Open();
            clock.Start();
            connection.Execute($"create table usage as select * from read_csv('{file.Replace("'", "''", StringComparison.Ordinal)}')");
            clock.Stop();
            rows = connection.ExecuteScalar<long>("select count(*) from usage");
        }
        output.WriteLine(JsonSerializer.Serialize(new Run(file, clock.Elapsed.TotalMilliseconds, PeakMegabytes(), rows)));
        return Aci.Ok;
    }

    /// <summary>
    /// The one step no usage import can leave out, alone: the file's rows summed to the daily-usage grain (person × day
    /// × tool × feature, UsageImporter's own sums) and written to raw_usage, straight from DuckDB's typed read_csv, in
    /// the same process shape as the product (aci, the warehouse opened with its memory limit). No checks, no line
    /// numbers, no pseudonyms (the file's addresses are numbered before the clock starts), no history, no marts: the
    /// product's import can be neither faster nor lighter than this, so it shows how far a target can be reached.
    /// </summary>
    static long CoreOnce(string file, string database, Stopwatch clock)
    {
        using var warehouse = Warehouse.Warehouse.Open(Warehouse.WarehouseOptions.ForDatabaseFile(database));
        var csv = $$"""
            read_csv('{{file.Replace("'", "''", StringComparison.Ordinal)}}', header = true, auto_detect = false,
                     columns = {'date': 'TIMESTAMP', 'user': 'VARCHAR', 'tool': 'VARCHAR', 'feature': 'VARCHAR',
                                'duration_minutes': 'DECIMAL(18, 4)', 'actions': 'DECIMAL(18, 4)'})
            """;
        return warehouse.Write(connection =>
        {
            connection.Execute($"""
                create temp table person_ref as
                select identifier, row_number() over ()::integer as person_id from (select distinct lower("user") as identifier from {csv})
                """);
            clock.Start();
            connection.Execute("set preserve_insertion_order = false");
            connection.Execute($"""
                insert into raw_usage (import_id, person_id, usage_date, tool, feature, events, active_minutes, actions, counted)
                select 1, r.person_id, v."date"::date, v.tool, coalesce(v.feature, ''), {UsageImporter.KeyTotals}, true
                from {csv} v join person_ref r on r.identifier = lower(v."user")
                group by r.person_id, v."date"::date, v.tool, coalesce(v.feature, '')
                """);
            clock.Stop();
            return connection.ExecuteScalar<long>("select sum(events)::bigint from raw_usage");
        });
    }

    static Run Child(string mode, string file, string scratch, int run)
    {
        var database = System.IO.Path.Combine(scratch, $"{mode}-{run}", "warehouse.duckdb");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(database)!);
        var start = new ProcessStartInfo(Environment.ProcessPath!, [.. AciArguments(), "bench", mode, file, "--db", database])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ACI_SITE_SECRET"] = "bench-site-secret-0123456789";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"aci bench {mode} failed: {stderr}{stdout}");
        Directory.Delete(System.IO.Path.GetDirectoryName(database)!, recursive: true);
        return JsonSerializer.Deserialize<Run>(stdout.Trim().Split('\n')[^1])!;
    }

    /// <summary>The arguments that start this same aci (an apphost, or dotnet with aci.dll under a test runner).</summary>
    static string[] AciArguments() =>
        System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet"
            ? ["exec", System.IO.Path.Combine(AppContext.BaseDirectory, "aci.dll")]
            : [];

    /// <summary>Peak resident memory of this process (Linux VmHWM), in MB.</summary>
    static double PeakMegabytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return double.NaN;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>A generic usage log: 2,000 people, every day of 2024, several features; exactly <paramref name="rows"/> rows.</summary>
    static long WriteCsv(string path, long rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine("date,user,tool,feature,duration_minutes,actions");
        for (long i = 0; i < rows; i++)
        {
            var (day, person, feature) = Row(i);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{day:yyyy-MM-dd},person{person:D4}@example.com,Copilot,feature_{feature},{i % 90 + 0.5},{i % 23}"));
        }
        return rows;
    }

    static void WriteXlsx(string path, long rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Usage");
        string[] header = ["date", "user", "tool", "feature", "duration_minutes", "actions"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
        for (long i = 0; i < rows; i++)
        {
            var (day, person, feature) = Row(i);
            var r = (int)i + 2;
            sheet.Cell(r, 1).Value = day.ToDateTime(TimeOnly.MinValue);
            sheet.Cell(r, 2).Value = $"person{person:D4}@example.com";
            sheet.Cell(r, 3).Value = "ChatGPT";
            sheet.Cell(r, 4).Value = $"feature_{feature}";
            sheet.Cell(r, 5).Value = i % 90 + 0.5;
            sheet.Cell(r, 6).Value = i % 23;
        }
        workbook.SaveAs(path);
    }

    static (DateOnly Day, long Person, long Feature) Row(long i) =>
        (new DateOnly(2024, 1, 1).AddDays((int)(i / 2000 % 366)), i % 2000, i / (2000 * 366));
}
