using System.Globalization;
using System.Text;

namespace AiChangeInsights.Tests.Reliability;

/// <summary>
/// A usage log of the demo organisation's people, generated at test time (never committed): every row a distinct
/// person x day x feature of one tool, so "loaded once" is an exact row count.
/// </summary>
public static class LargeUsageFile
{
    /// <summary>Writes at least <paramref name="minimumRows"/> rows for days from 2024-01-01; returns the row count.</summary>
    public static long Write(string path, long minimumRows, string tool)
    {
        var people = File.ReadLines(Path.Combine(Repository.SeedData, "roster.csv")).Skip(1)
            .Select(line => line.Split(';')[2]).ToList();
        var features = (int)Math.Ceiling(minimumRows / (366.0 * people.Count));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.WriteLine("date,user,tool,feature,duration_minutes,actions");
        long rows = 0;
        for (var day = new DateOnly(2024, 1, 1); day.Year == 2024; day = day.AddDays(1))
        {
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var p = 0; p < people.Count; p++)
                for (var f = 0; f < features; f++, rows++)
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{date},{people[p]},{tool},feature_{f},{rows % 60 + 0.5},{rows % 17}"));
        }
        return rows;
    }
}
