using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Web.Imports;
using Quartz;

namespace AiChangeInsights.Web.Jobs;

/// <summary>
/// The inbox folder (setting Inbox:Folder, default the data folder's inbox/): files dropped there are imported and
/// moved to processed/ or failed/ (with a .reason.txt). A file is taken once it has not changed for a few seconds.
/// </summary>
public sealed class Inbox(IConfiguration configuration, Warehouse.Warehouse warehouse)
{
    public string Folder { get; } = configuration["Inbox:Folder"] is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(warehouse.DataFolder, "inbox");

    string Claimed => Path.Combine(Folder, ".queued");

    /// <summary>Files ready to import: top level only, settled (unchanged for <paramref name="settle"/>).</summary>
    public IEnumerable<FileInfo> Ready(TimeSpan settle)
    {
        try
        {
            // Made at the first look, so the folder the Imports page names is there to drop files into.
            Directory.CreateDirectory(Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
        return new DirectoryInfo(Folder).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && !f.Name.EndsWith(".reason.txt", StringComparison.Ordinal)
                        && DateTime.UtcNow - f.LastWriteTimeUtc >= settle)
            .OrderBy(f => f.LastWriteTimeUtc);
    }

    /// <summary>Moves the file out of the way (so it is queued once) and returns where it now is.</summary>
    public string Claim(FileInfo file)
    {
        Directory.CreateDirectory(Claimed);
        var target = Path.Combine(Claimed, $"{Guid.NewGuid():N}-{file.Name}");
        file.MoveTo(target);
        return target;
    }

    /// <summary>After the import: processed/ or failed/ with the reason next to it.</summary>
    public void Settle(string claimedPath, string fileName, ImportSummary summary)
    {
        var failed = summary.Status is ImportSummary.Rejected or ImportSummary.Cancelled;
        var folder = Path.Combine(Folder, failed ? "failed" : "processed");
        Directory.CreateDirectory(folder);
        var target = Unique(Path.Combine(folder, fileName));
        if (File.Exists(claimedPath)) File.Move(claimedPath, target);
        if (failed) File.WriteAllText(target + ".reason.txt", summary.Message + Environment.NewLine);
    }

    static string Unique(string path)
    {
        if (!File.Exists(path)) return path;
        var stem = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
        return $"{stem}-{DateTime.UtcNow:yyyyMMddHHmmss}{Path.GetExtension(path)}";
    }
}

/// <summary>Every few seconds: queue the inbox's settled files for import.</summary>
[DisallowConcurrentExecution]
public sealed class InboxJob(Inbox inbox, ImportQueue queue, ILogger<InboxJob> logger) : IJob
{
    public static readonly JobKey Key = new("inbox", "imports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var file in inbox.Ready(TimeSpan.FromSeconds(3)).ToList())
        {
            var name = file.Name;
            var claimed = inbox.Claim(file);
            var jobId = await queue.Enqueue(claimed, name, "inbox", new ImportRequest(), "inbox");
            logger.LogInformation("Inbox file {File} queued as import job {Job}", name, jobId);
        }
    }
}
