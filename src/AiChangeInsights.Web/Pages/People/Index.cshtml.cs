using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;

namespace AiChangeInsights.Web.Pages.People;

/// <summary>
/// People &amp; resistance: the four resistance types of the seed among the latest survey wave, beside its benchmark,
/// each with the seed's recommended approach; suppressed types read "fewer than N responses", never 0.
/// </summary>
public sealed class IndexModel(ChartCatalog catalog, DashboardContext context) : DashboardPage(catalog, context)
{
    public sealed record ResistanceType(string Type, string NameEn, string NameNl, string CoreConcernEn, string CoreConcernNl, long? Respondents,
        double? Share, double Benchmark, string ApproachEn, string ApproachNl, bool Suppressed);

    public IReadOnlyList<ResistanceType> Types { get; private set; } = [];
    public DateOnly? Wave { get; private set; }
    public int MinGroupSize { get; private set; } = 5;

    /// <summary>Resistant respondents of the wave, only when no type is hidden (a total beside hidden types is not shown).</summary>
    public long? Resistant { get; private set; }

    public void OnGet()
    {
        var data = Data("resistance-types");
        MinGroupSize = data.MinGroupSize;
        static long? L(object? v) => v is null ? null : Convert.ToInt64(v, CultureInfo.InvariantCulture);
        Types = data.Rows.Select(r => new ResistanceType((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[8]!, (string)r[9]!, L(r[3]),
            r[4] is null ? null : Convert.ToDouble(r[4], CultureInfo.InvariantCulture), Convert.ToDouble(r[5], CultureInfo.InvariantCulture),
            (string)r[10]!, (string)r[11]!, r[7] is true)).ToList();
        Wave = data.Rows.Select(r => r[6] as DateOnly?).FirstOrDefault(w => w is not null);
        Resistant = Types.Count > 0 && Types.All(t => !t.Suppressed) ? Types.Sum(t => t.Respondents ?? 0) : null;
    }
}
