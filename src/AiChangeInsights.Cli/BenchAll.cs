using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AiChangeInsights.Warehouse.Demo;

namespace AiChangeInsights.Cli;

/// <summary>
/// <c>aci bench all</c> (what <c>make bench</c> runs): imports, views and chart queries at every scale, pages over
/// HTTP and in Chromium at the large scale, and a cold start from a fresh clone; then the README's performance
/// section is rewritten with the figures. A benchmark: it reports, it never fails on a missed target.
/// </summary>
internal static class BenchAll
{
    const string Start = "<!-- bench:start -->";
    const string End = "<!-- bench:end -->";
    static readonly IFormatProvider Inv = CultureInfo.InvariantCulture;

    public static int Run(Arguments arguments, TextWriter output)
    {
        arguments.Allow("runs", "import-runs", "rows", "scales", "web", "repo", "readme");
        var runs = arguments.Count("runs", 20);
        var importRuns = arguments.Count("import-runs", 5);
        var rows = arguments.Count("rows", 1_000_000);
        var scales = (arguments.Option("scales") ?? "demo,large,stress").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(DemoScale.Parse).ToList();
        var web = arguments.Option("web");
        var repo = arguments.Option("repo");
        var readme = arguments.Option("readme");
        var scratch = Path.Combine(Path.GetTempPath(), $"aci-bench-all-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        var report = new StringBuilder();
        try
        {
            var import = BenchImport.Measure(rows, importRuns, 50_000, output);
            report.Append(ImportTable(import));

            var results = new List<BenchViews.Result>();
            var seeding = new Dictionary<string, double>();
            string? largeFolder = null;
            foreach (var scale in scales)
            {
                var folder = Path.Combine(scratch, scale.Name);
                var clock = Stopwatch.StartNew();
                var database = BenchViews.Seed(scale, folder, output);
                seeding[scale.Name] = clock.Elapsed.TotalSeconds;
                results.Add(BenchViews.Measure(scale.Name, database, runs, output));
                if (scale == DemoScale.Large) largeFolder = folder;
                else Directory.Delete(folder, recursive: true);
            }
            report.Append(ViewTables(results, seeding));

            if (web is not null && largeFolder is not null)
                report.Append(PageTable(WithServer(web, largeFolder, url => BenchPages.Measure(url, runs, output).GetAwaiter().GetResult())));
            if (repo is not null)
                report.Append(ColdStartLine(ColdStart(repo, scratch, output)));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        var section = $"Measured by `make bench` on {DateTime.Now:yyyy-MM-dd} on {Machine()}.\n\n{report}";
        output.WriteLine();
        output.WriteLine(section);
        if (readme is not null) WriteIntoReadme(readme, section);
        return Aci.Ok;
    }

    static string ImportTable(BenchImport.Result r)
    {
        var b = new StringBuilder();
        b.AppendLine(string.Create(Inv, $"**Import** of a {r.CsvRows:N0}-row generic usage CSV ({r.CsvMegabytes:F0} MB), {r.Product.Count} alternating runs, each in a fresh process and database file:"));
        b.AppendLine();
        b.AppendLine("| path | median s | peak memory MB | target |");
        b.AppendLine("|---|---:|---:|---|");
        b.AppendLine(string.Create(Inv, $"| DuckDB `create table … as select * from read_csv(…)` | {r.NativeMedianMs / 1000:F1} | {r.NativePeakMegabytes:F0} | |"));
        b.AppendLine(string.Create(Inv, $"| product import (checks, typing, pseudonyms, star schema, marts) | {r.ProductMedianMs / 1000:F1} | {r.ProductPeakMegabytes:F0} | ≤ 300 MB |"));
        b.AppendLine(string.Create(Inv, $"| **median ratio** | **{r.MedianRatio:F2}×** | | ≤ 1.2× (issue: 1.5×) |"));
        b.AppendLine(string.Create(Inv, $"| the import's unavoidable step alone: the rows summed to the daily-usage grain and written, no checks, pseudonyms, history or marts | {r.CoreMedianMs / 1000:F1} ({r.CoreMedianRatio:F2}×) | {r.CorePeakMegabytes:F0} | bounds what the import can reach |"));
        b.AppendLine(string.Create(Inv, $"| {r.XlsxRows:N0}-row .xlsx import | {r.XlsxSeconds:F1} | | ≤ 5 s |"));
        b.AppendLine();
        return b.ToString();
    }

    static string ViewTables(IReadOnlyList<BenchViews.Result> results, IReadOnlyDictionary<string, double> seeding)
    {
        var b = new StringBuilder();
        b.AppendLine("**Contract views**, read whole (p50 / p95 ms):");
        b.AppendLine();
        b.AppendLine("| view | " + string.Join(" | ", results.Select(r => string.Create(Inv, $"{r.Scale} ({r.People:N0} people, {r.UsageRows:N0} usage days)"))) + " |");
        b.AppendLine("|---|" + string.Concat(results.Select(_ => "---:|")));
        foreach (var view in results[0].Views.Select(v => v.Name))
            b.AppendLine($"| {view} | " + string.Join(" | ", results.Select(r => r.Views.FirstOrDefault(v => v.Name == view) is { } t
                ? string.Create(Inv, $"{t.P50:F1} / {t.P95:F1}") : "–")) + " |");
        b.AppendLine("| *seeding through the importers, s* | " + string.Join(" | ", results.Select(r => string.Create(Inv, $"{seeding[r.Scale]:F0}"))) + " |");
        b.AppendLine();
        b.AppendLine("**Chart queries** as the pages run them (uncached) against the bare DuckDB read of the same views: p95 ms, the ratio of p50s and their difference in ms (target ≤ 1.3×; p95 ≤ 150 ms at large, ≤ 1.5 s at stress). A chart filters, orders and maps its rows, so below a millisecond its fixed cost per call decides the ratio:");
        b.AppendLine();
        b.AppendLine("| page | chart | views | " + string.Join(" | ", results.Select(r => $"{r.Scale} p95 | ratio (+ms)")) + " |");
        b.AppendLine("|---|---|---|" + string.Concat(results.Select(_ => "---:|---:|")));
        foreach (var chart in results[0].Charts)
            b.AppendLine($"| {chart.Page} | {chart.Chart} | {chart.Views} | " + string.Join(" | ", results.Select(r => r.Charts.First(c => c.Chart == chart.Chart))
                .Select(c => string.Create(Inv, $"{c.P95:F1} | {c.Ratio:F2}× ({Signed(c.P50 - c.BareP50)})"))) + " |");
        b.AppendLine();
        return b.ToString();
    }

    /// <summary>+1.2 / -0.4 / ±0.0 (a format string alone prints "-+0.0" for a tiny negative value).</summary>
    static string Signed(double milliseconds)
    {
        var rounded = Math.Round(milliseconds, 1);
        return rounded == 0 ? "±0.0" : rounded.ToString("+0.0;-0.0", Inv);
    }

    static string PageTable(IReadOnlyList<BenchPages.PageTiming> pages)
    {
        var b = new StringBuilder();
        b.AppendLine("**Pages** at the large scale: server time over HTTP (Server-Timing; charts' data cached per filter until the next import) and the time until every chart has drawn in Chromium:");
        b.AppendLine();
        b.AppendLine("| page | server p50 ms | server p95 ms | request p95 ms | charts | drawn median ms | drawn max ms |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var p in pages)
            b.AppendLine(string.Create(Inv, $"| {p.Page} | {p.ServerP50:F1} | {p.ServerP95:F1} | {p.TotalP95:F1} | {p.Charts} | {p.DrawnMedian:F0} | {p.DrawnMax:F0} |"));
        b.AppendLine();
        b.AppendLine("Targets: server p95 ≤ 150 ms, charts drawn within 2 s.");
        b.AppendLine();
        return b.ToString();
    }

    static string ColdStartLine((double Seconds, string Commit) cold) => string.Create(Inv,
        $"**Cold start**: a fresh `git clone` (commit {cold.Commit}) to the first 200 from `make run` (restore with this machine's NuGet cache, build, create the warehouse, load the demo organisation, serve): {cold.Seconds:F0} s.\n");

    /// <summary>Runs the web app on a free loopback port over <paramref name="dataFolder"/> while <paramref name="measure"/> runs.</summary>
    static T WithServer<T>(string webDll, string dataFolder, Func<string, T> measure)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        // As `make run` starts it: from the project folder (the content root with wwwroot), Development settings.
        var project = Path.GetDirectoryName(Path.GetFullPath(webDll));
        while (project is not null && !Directory.EnumerateFiles(project, "*.csproj").Any()) project = Path.GetDirectoryName(project);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project ?? Path.GetDirectoryName(Path.GetFullPath(webDll))! };
        foreach (var a in new[] { Path.GetFullPath(webDll), "--urls", url }) start.ArgumentList.Add(a);
        start.Environment["Warehouse__DataFolder"] = dataFolder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var server = Process.Start(start)!;
        try
        {
            WaitFor200($"{url}/health", TimeSpan.FromMinutes(2), server);
            return measure(url);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    /// <summary>A fresh clone of <paramref name="repo"/>'s HEAD, then <c>make run</c> on a free port until /health answers 200.</summary>
    static (double Seconds, string Commit) ColdStart(string repo, string scratch, TextWriter output)
    {
        var clone = Path.Combine(scratch, "clone");
        var port = FreePort();
        output.WriteLine($"Cold start: git clone {repo} and make run on port {port} ...");
        var clock = Stopwatch.StartNew();
        RunToEnd("git", ["clone", "--quiet", Path.GetFullPath(repo), clone], scratch);
        var commit = RunToEnd("git", ["rev-parse", "--short", "HEAD"], clone).Trim();
        var make = new ProcessStartInfo("make") { WorkingDirectory = clone, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "run", $"PORT={port}" }) make.ArgumentList.Add(a);
        using var run = Process.Start(make)!;
        run.OutputDataReceived += (_, _) => { };
        run.ErrorDataReceived += (_, _) => { };
        run.BeginOutputReadLine();
        run.BeginErrorReadLine();
        try
        {
            WaitFor200($"http://127.0.0.1:{port}/health", TimeSpan.FromMinutes(10), run);
            var seconds = clock.Elapsed.TotalSeconds;
            output.WriteLine(string.Create(Inv, $"  first 200 after {seconds:F0} s"));
            return (seconds, commit);
        }
        finally
        {
            run.Kill(entireProcessTree: true);
            run.WaitForExit();
        }
    }

    static void WaitFor200(string url, TimeSpan limit, Process process)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (process.HasExited) throw new InvalidOperationException($"the server exited with code {process.ExitCode} before answering {url}");
            try
            {
                using var response = client.GetAsync(url).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            Thread.Sleep(100);
        }
        throw new TimeoutException($"{url} did not answer 200 within {limit.TotalMinutes:F0} minutes");
    }

    static string RunToEnd(string file, string[] args, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {stderr}");
        return stdout.Result;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Cores, memory and CPU model, as /proc tells them.</summary>
    static string Machine()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var gib = memory is null ? "" : string.Create(Inv, $", {long.Parse(memory, Inv) / 1048576.0:F0} GiB");
        return $"{Environment.ProcessorCount} cores{gib}{(model is null ? "" : $", {model}")}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
    }

    /// <summary>Replaces what stands between the bench markers of the README's performance section.</summary>
    internal static void WriteIntoReadme(string readme, string section)
    {
        var text = File.ReadAllText(readme);
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        if (from < 0 || to < from) throw new UsageException($"{readme} has no {Start} … {End} markers");
        File.WriteAllText(readme, text[..(from + Start.Length)] + "\n" + section.TrimEnd() + "\n" + text[to..]);
    }
}
