using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using AiChangeInsights.Web.Imports;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiChangeInsights.Tests.Web.Imports;

/// <summary>The real app over an empty warehouse of its own, with an API key and an inbox checked every second.</summary>
public sealed class ImportsApp : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-api-key-0123456789-abcdefghij";

    readonly bool ownsFolder;

    public ImportsApp()
    {
        ownsFolder = true;
        DataFolder = Path.Combine(Path.GetTempPath(), "aci-imports-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>Serves an existing data folder (a restart, a prepared warehouse); the caller deletes it.</summary>
    public ImportsApp(string dataFolder) => DataFolder = dataFolder;

    public string DataFolder { get; }
    public string Inbox => Path.Combine(DataFolder, "inbox");
    public int? Port { get; private set; }

    /// <summary>Serves on a real port (for child processes such as aci).</summary>
    public ImportsApp OnPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        UseKestrel(Port.Value);
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Warehouse:DataFolder", DataFolder);
        builder.UseSetting("Privacy:SiteSecret", TestWarehouse.Secret);
        builder.UseSetting("Api:Keys:0:Name", "nightly-script");
        builder.UseSetting("Api:Keys:0:Key", ApiKey);
        builder.UseSetting("Inbox:IntervalSeconds", "1");
        builder.UseSetting("Imports:MaxFileMegabytes", "1");
    }

    public string File(string name, string content)
    {
        var path = Path.Combine(DataFolder, "test-files", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The antiforgery token of the signed-in client's session, as the pages put it in their forms.</summary>
    public static async Task<string> Token(HttpClient client)
    {
        var html = await client.GetStringAsync("/signin");
        return AntiforgeryField.Pattern().Match(html).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> Upload(HttpClient client, string token, string name, string content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(content), "files", name);
        var request = new HttpRequestMessage(HttpMethod.Post, "/imports/upload") { Content = form };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    /// <summary>Polls /imports/jobs until the job has finished.</summary>
    public static async Task<JsonElement> Finished(HttpClient client, long jobId)
    {
        for (var i = 0; i < 300; i++)
        {
            var jobs = JsonDocument.Parse(await client.GetStringAsync("/imports/jobs")).RootElement;
            var job = jobs.EnumerateArray().FirstOrDefault(j => j.GetProperty("job_id").GetInt64() == jobId);
            if (job.ValueKind != JsonValueKind.Undefined && job.GetProperty("state").GetString() is "done" or "failed" or "cancelled") return job;
            await Task.Delay(100);
        }
        throw new TimeoutException($"import job {jobId} did not finish");
    }

    /// <summary>Waits until the job is inside its import (reading to loading: after it started, before its commit).</summary>
    public async Task UntilImporting(long jobId)
    {
        var board = Services.GetRequiredService<ImportProgressBoard>();
        // The stage moves on by itself, so remember that it was seen rather than asking twice. Watched from a thread of
        // its own: the import's stages last about a second each, and a poll queued behind busy pool threads missed them.
        var reached = await Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < 6000; i++)
            {
                if (board.Of(jobId)?.Stage is "reading" or "validating" or "pseudonymising" or "loading") return true;
                Thread.Sleep(5);
            }
            return false;
        }, TaskCreationOptions.LongRunning);
        reached.ShouldBeTrue($"import job {jobId} was never seen inside its import");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsFolder) try { Directory.Delete(DataFolder, true); } catch (IOException) { }
    }
}
