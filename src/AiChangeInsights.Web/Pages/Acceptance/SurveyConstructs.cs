using System.Globalization;
using AiChangeInsights.Web.Dashboard;
using Dapper;

namespace AiChangeInsights.Web.Pages.Acceptance;

/// <summary>
/// What the acceptance charts share: the survey constructs in the page's three groups with their labels from
/// dim_construct, quarters as the views spell them ('2025Q3'), the departments a filter asks for, and the note that
/// names the hidden cells.
/// </summary>
public static class SurveyConstructs
{
    public sealed record Construct(string Code, string LabelEn, string LabelNl);

    /// <summary>How people experience the tools (means 1-5, 5 = most positive).</summary>
    public static readonly string[] Experience = ["satisfaction", "trust", "usefulness", "ease_of_use", "competence_self"];

    /// <summary>The four resistance types of the seed as worries (1-5, 5 = most worried).</summary>
    public static readonly string[] Worries = ["concern_competence", "concern_status", "concern_control", "concern_ethics"];

    /// <summary>The culture constructs and perceived maturity (1-5, 5 = most positive).</summary>
    public static readonly string[] Culture = ["culture_error", "culture_participation", "culture_experiment", "culture_transparency", "maturity"];

    public const string Recommend = "recommend";

    public const string AllDepartments = "All";

    /// <summary>Labels of <paramref name="codes"/> in their given order (codes dim_construct does not know are left out).</summary>
    public static IReadOnlyList<Construct> Read(Warehouse.Warehouse warehouse, IReadOnlyList<string> codes)
    {
        var known = warehouse.Read(c => c.Query<Construct>(
            "select construct as Code, label_en as LabelEn, label_nl as LabelNl from dim_construct where construct in $codes order by construct",
            new { codes = codes.ToArray() }).ToDictionary(x => x.Code));
        return codes.Where(known.ContainsKey).Select(code => known[code]).ToList();
    }

    /// <summary>The selected department first, then 'All' for comparison; only 'All' without a department filter.</summary>
    public static string[] Departments(DashboardFilters filters) =>
        filters.Department is { } department ? [department, AllDepartments] : [AllDepartments];

    public static string Quarter(DateOnly month) => string.Create(CultureInfo.InvariantCulture, $"{month.Year}Q{(month.Month - 1) / 3 + 1}");

    /// <summary>The quarters the period filter touches, as bounds to compare the views' quarter text with.</summary>
    public static (string From, string To) QuarterRange(DashboardFilters filters) =>
        (filters.From is { } from ? Quarter(from) : "0000Q1", filters.To is { } to ? Quarter(to) : "9999Q4");

    /// <summary>Every quarter from <paramref name="first"/> to <paramref name="last"/>, so a quarter without a survey shows as a gap.</summary>
    public static IReadOnlyList<string> QuartersBetween(string first, string last)
    {
        static (int Year, int Q) Parse(string q) => (int.Parse(q[..4], CultureInfo.InvariantCulture), q[5] - '0');
        var (year, q) = Parse(first);
        var end = Parse(last);
        var quarters = new List<string>();
        while (year < end.Year || (year == end.Year && q <= end.Q))
        {
            quarters.Add(string.Create(CultureInfo.InvariantCulture, $"{year}Q{q}"));
            if (++q > 4) (year, q) = (year + 1, 1);
        }
        return quarters;
    }

    public static string DepartmentName(string department, CultureInfo culture) =>
        department == AllDepartments ? Text.Lang.T(culture, "Whole organisation", "Hele organisatie") : department;

    public sealed record Cell(string Department, string PeriodEn, string PeriodNl, bool Suppressed);

    /// <summary>
    /// "Hidden …: Directie in 2024Q4 and 2025Q1; …", naming every department and period with a hidden cell (a period
    /// where only some constructs are hidden says so), or null when nothing shown is hidden.
    /// </summary>
    public static (string En, string Nl)? HiddenNote(IEnumerable<Cell> cells, int minGroupSize)
    {
        var byDepartment = cells
            .GroupBy(c => c.Department)
            .Select(d => (Department: d.Key, Periods: d.GroupBy(c => (c.PeriodEn, c.PeriodNl))
                .Where(p => p.Any(c => c.Suppressed))
                .Select(p => (p.Key.PeriodEn, p.Key.PeriodNl, Partly: p.Any(c => !c.Suppressed)))
                .ToList()))
            .Where(d => d.Periods.Count > 0)
            .OrderBy(d => d.Department == AllDepartments ? 0 : 1).ThenBy(d => d.Department, StringComparer.Ordinal)
            .ToList();
        if (byDepartment.Count == 0) return null;

        string Join(IEnumerable<string> parts, string and)
        {
            var list = parts.ToList();
            return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + $" {and} " + list[^1];
        }
        var en = Join(byDepartment.Select(d => $"{(d.Department == AllDepartments ? "the whole organisation" : d.Department)} in " +
            Join(d.Periods.Select(p => p.PeriodEn + (p.Partly ? " (some questions)" : "")), "and")), "and");
        var nl = Join(byDepartment.Select(d => $"{(d.Department == AllDepartments ? "de hele organisatie" : d.Department)} in " +
            Join(d.Periods.Select(p => p.PeriodNl + (p.Partly ? " (een deel van de vragen)" : "")), "en")), "en");
        return (
            $"Not shown, to protect small groups (fewer than {minGroupSize} responses, or hidden so that such a cell cannot be worked out from the others): {en}.",
            $"Niet getoond, om kleine groepen te beschermen (minder dan {minGroupSize} reacties, of verborgen zodat zo'n cel niet uit de andere is af te leiden): {nl}.");
    }

    public static int MinGroupSize(Warehouse.Warehouse warehouse) =>
        warehouse.Read(c => c.ExecuteScalar<int>("select min_group_size from dim_organisation"));
}
