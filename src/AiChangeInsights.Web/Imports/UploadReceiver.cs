using AiChangeInsights.Warehouse.Ingest;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AiChangeInsights.Web.Imports;

/// <summary>
/// Receives a multipart upload file by file, streaming each to disk under the data folder's uploads/ (never whole in
/// memory), with a per-file limit (Imports:MaxFileMegabytes, default 200). Form fields set the import's options.
/// </summary>
public sealed class UploadReceiver(Warehouse.Warehouse warehouse, IConfiguration configuration)
{
    public sealed record Received(IReadOnlyList<(string Path, string Name)> Files, ImportRequest Options);

    public sealed class UploadRefused(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }

    long MaxFileBytes => (long.TryParse(configuration["Imports:MaxFileMegabytes"], out var mb) ? mb : 200) * 1024 * 1024;

    public async Task<Received> Receive(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new UploadRefused(400, "Send the files as multipart/form-data.");
        // Several files of up to the per-file limit in one request; Kestrel's 30 MB default would refuse them.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = MaxFileBytes * 20;

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? throw new UploadRefused(400, "The upload has no multipart boundary.");
        var reader = new MultipartReader(boundary, request.Body);
        var folder = Path.Combine(warehouse.DataFolder, "uploads", DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var files = new List<(string, string)>();
        var fields = new Dictionary<string, string>();
        try
        {
            for (var section = await reader.ReadNextSectionAsync(cancellationToken); section is not null; section = await reader.ReadNextSectionAsync(cancellationToken))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                if (disposition.IsFileDisposition())
                {
                    var name = SafeName(disposition.FileName.Value ?? disposition.FileNameStar.Value ?? "upload");
                    var path = Path.Combine(folder, $"{Guid.NewGuid():N}-{name}");
                    files.Add((path, name));
                    await using var target = File.Create(path);
                    await Copy(section.Body, target, name, cancellationToken);
                }
                else if (disposition.IsFormDisposition())
                {
                    using var text = new StreamReader(section.Body);
                    fields[disposition.Name.Value ?? ""] = (await text.ReadToEndAsync(cancellationToken)).Trim();
                }
            }
        }
        catch
        {
            foreach (var (path, _) in files) File.Delete(path);
            throw;
        }
        if (files.Count == 0) throw new UploadRefused(400, "No file in the upload.");
        string? Field(string key) => fields.TryGetValue(key, out var v) && v.Length > 0 && v != "auto" ? v : null;
        return new Received(files, new ImportRequest
        {
            Source = Field("source"), Locale = Field("locale") ?? "auto", Tool = Field("tool"), Survey = Field("survey"), Course = Field("course"),
        });
    }

    async Task Copy(Stream source, Stream target, string name, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxFileBytes)
                throw new UploadRefused(413, $"{name} is larger than {MaxFileBytes / 1024 / 1024} MB: split the export or raise Imports:MaxFileMegabytes.");
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>The file's own name, without any folder (no path traversal), printable and not too long.</summary>
    public static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(file.Where(c => !char.IsControl(c) && !Path.GetInvalidFileNameChars().Contains(c)).ToArray()).Trim().TrimStart('.');
        if (clean.Length == 0) clean = "upload";
        return clean.Length > 120 ? clean[^120..] : clean;
    }
}
