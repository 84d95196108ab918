using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;

namespace AiChangeInsights.Web.Pages.Activities;

/// <summary>
/// Activities: which change activities go together with adoption. The correlation per activity type (with its
/// interval and n), the department-months behind one type's r, participants against non-participants, and the
/// leadership effect beside the seed's 34 % → 62 %; the main findings in words, and plainly: correlation is not causation.
/// </summary>
public sealed class IndexModel(ChartCatalog catalog, DashboardContext context, Warehouse.Warehouse warehouse) : DashboardPage(catalog, context)
{
    public sealed record Finding(string LabelEn, string LabelNl, double Value, double? Low, double? High, double? Participants, double? NonParticipants);

    public sealed record Leadership(bool ManagersActive, long Departments, long People, double? Adoption, double Benchmark);

    public int Lag { get; private set; }
    public IReadOnlyList<ActivityExposureChart.Correlation> Types { get; private set; } = [];
    public ActivityExposureChart.Correlation? Chosen { get; private set; }

    /// <summary>Department-months behind every r (the same for every activity type at a lag).</summary>
    public long Units { get; private set; }

    public Finding? StrongestPositive { get; private set; }
    public Finding? StrongestNegative { get; private set; }
    public Finding? LargestUplift { get; private set; }
    public IReadOnlyList<Leadership> LeadershipGroups { get; private set; } = [];

    public void OnGet()
    {
        Lag = ActivityCorrelationChart.Lag(Options);
        (Types, Chosen) = ActivityExposureChart.Choose(warehouse, Options);
        Units = Types.Select(t => t.NUnits).DefaultIfEmpty(0).Max();

        var correlation = Data("activity-correlation");
        double? D(object? v) => v is null ? null : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture);
        var clear = correlation.Rows
            .Where(r => r[5] is not null && r[6] is not null && r[7] is not null)
            .Select(r => new Finding((string)r[1]!, (string)r[2]!, D(r[5])!.Value, D(r[6]), D(r[7]), null, null))
            .ToList();
        StrongestPositive = clear.Where(f => f.Low > 0).MaxBy(f => f.Value);
        StrongestNegative = clear.Where(f => f.High < 0).MinBy(f => f.Value);

        var participants = Data("activity-participants");
        LargestUplift = participants.Rows.Where(r => r[8] is not null)
            .Select(r => new Finding((string)r[1]!, (string)r[2]!, D(r[8])!.Value, null, null, D(r[6]), D(r[7])))
            .MaxBy(f => f.Value);

        LeadershipGroups = Data("leadership-effect").Rows
            .Select(r => new Leadership((bool)r[0]!, Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(r[2], System.Globalization.CultureInfo.InvariantCulture), D(r[5]), D(r[6])!.Value))
            .ToList();
    }
}
