using System.Net.Http.Headers;
using System.Text.Json;
using AiChangeInsights.Warehouse.Ingest;

namespace AiChangeInsights.Cli;

/// <summary>
/// aci import while the server holds the warehouse: the files go through the server's POST /api/imports with an
/// Analyst's API key (ACI_API_KEY; server ACI_SERVER or --server, default http://127.0.0.1:5080).
/// </summary>
internal static class ServerImport
{
    public static string Server(Arguments arguments) =>
        arguments.Option("server") ?? Environment.GetEnvironmentVariable("ACI_SERVER") ?? "http://127.0.0.1:5080";

    public static IEnumerable<ImportSummary> Send(IEnumerable<string> files, ImportRequest options, string server, string apiKey)
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(35) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                yield return new ImportSummary { File = Path.GetFileName(file), Status = ImportSummary.Rejected, Message = $"{file}: no such file." };
                continue;
            }
            using var form = new MultipartFormDataContent();
            foreach (var (key, value) in new[] { ("source", options.Source), ("locale", options.Locale), ("tool", options.Tool), ("survey", options.Survey), ("course", options.Course) })
                if (!string.IsNullOrEmpty(value)) form.Add(new StringContent(value), key);
            var content = new StreamContent(File.OpenRead(file));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", Path.GetFileName(file));
            var response = client.PostAsync("api/imports", form).GetAwaiter().GetResult();
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            yield return response.IsSuccessStatusCode
                ? JsonSerializer.Deserialize<ImportSummary>(body)!
                : new ImportSummary
                {
                    File = Path.GetFileName(file), Status = ImportSummary.Rejected,
                    Message = $"{Path.GetFileName(file)}: the server at {server} answered {(int)response.StatusCode}: {Message(body)}",
                };
        }
    }

    static string Message(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.GetProperty("message").GetString() ?? body;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
