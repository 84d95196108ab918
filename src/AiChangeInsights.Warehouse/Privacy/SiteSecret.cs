using System.Security.Cryptography;

namespace AiChangeInsights.Warehouse.Privacy;

/// <summary>
/// The key behind every pseudonym. Created once per installation in the data folder, readable by the service
/// user only; losing it means new imports no longer join to old ones, so backups must include it.
/// </summary>
public static class SiteSecret
{
    public const string FileName = "site.secret";

    public static byte[] LoadOrCreate(string dataFolder, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(configured.Trim());
            if (bytes.Length < 16) throw new InvalidOperationException("Privacy:SiteSecret must be at least 16 characters.");
            return bytes;
        }

        var path = Path.Combine(dataFolder, FileName);
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());

        var secret = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(secret));
        }
        return secret;
    }
}
