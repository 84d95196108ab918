using System.Globalization;
using AiChangeInsights.Web.Charts;
using AiChangeInsights.Web.Dashboard;

namespace AiChangeInsights.Web.Pages.Maturity;

/// <summary>
/// Maturity: where the departments stand on the seed's five-stage ladder beside the SME benchmark, what each stage
/// means, how the organisation climbed over the assessments, and each department's way up.
/// </summary>
public sealed class IndexModel(ChartCatalog catalog, DashboardContext context) : DashboardPage(catalog, context)
{
    public sealed record Stage(int Number, string NameEn, string NameNl, string DescriptionEn, string DescriptionNl, string FocusEn, string FocusNl,
        long Units, double? Share, double Benchmark, IReadOnlyList<string> Departments);

    public sealed record DepartmentCell(int Stage, string NameEn, string NameNl, int? Change, bool Assessed);

    public sealed record DepartmentRow(string Department, IReadOnlyDictionary<DateOnly, DepartmentCell> Cells, int LatestStage);

    /// <summary>The seed's "culturele focus" of each stage (not in dim_maturity_stage, which holds the ladder itself).</summary>
    static readonly (string En, string Nl)[] CulturalFocus =
    [
        ("spark curiosity, create room to experiment", "nieuwsgierigheid wekken, experimenteerruimtes creëren"),
        ("make successes visible, establish best practices", "successen zichtbaar maken, best practices vestigen"),
        ("anchor AI competence in management, communicate its strategic importance", "AI-competentie in leidinggevende niveaus verankeren, strategisch belang communiceren"),
        ("culture of innovation, appetite for experiment, continuous learning", "innovatiecultuur, experimenteerlust, continu leren"),
        ("AI competence taken for granted, continuous evolution", "AI-competentie als vanzelfsprekendheid, continue evolutie"),
    ];

    public IReadOnlyList<Stage> Stages { get; private set; } = [];
    public IReadOnlyList<DateOnly> Rounds { get; private set; } = [];
    public IReadOnlyList<DepartmentRow> DepartmentRows { get; private set; } = [];
    public DateOnly? LatestAssessment { get; private set; }
    public long AssessedDepartments { get; private set; }

    public void OnGet()
    {
        var distribution = Data("maturity-distribution");
        var history = Data("maturity-departments");
        var latest = Catalog.Data(Catalog.Find("maturity-departments")!, DashboardFilters.None, new Dictionary<string, string>())
            .Rows.Where(r => r[9] is true).ToList();
        Stages = distribution.Rows.Select(r =>
        {
            var number = Convert.ToInt32(r[0], CultureInfo.InvariantCulture);
            var focus = CulturalFocus[Math.Clamp(number - 1, 0, CulturalFocus.Length - 1)];
            return new Stage(number, (string)r[1]!, (string)r[2]!, (string)r[7]!, (string)r[8]!, focus.En, focus.Nl,
                Convert.ToInt64(r[3], CultureInfo.InvariantCulture), r[4] as double?, Convert.ToDouble(r[5], CultureInfo.InvariantCulture),
                latest.Where(d => Convert.ToInt32(d[4], CultureInfo.InvariantCulture) == number).Select(d => (string)d[0]!).ToList());
        }).ToList();
        LatestAssessment = distribution.Rows.Select(r => r[6] as DateOnly?).Max();
        AssessedDepartments = latest.Count;

        Rounds = history.Rows.Select(r => (DateOnly)r[1]!).Distinct().Order().ToList();
        DepartmentRows = history.Rows.GroupBy(r => (string)r[0]!)
            .Select(g => new DepartmentRow(g.Key,
                g.ToDictionary(r => (DateOnly)r[1]!, r => new DepartmentCell(Convert.ToInt32(r[4], CultureInfo.InvariantCulture),
                    (string)r[5]!, (string)r[6]!, r[8] is null ? null : Convert.ToInt32(r[8], CultureInfo.InvariantCulture), r[3] is true)),
                g.Select(r => Convert.ToInt32(r[4], CultureInfo.InvariantCulture)).Last()))
            .OrderByDescending(d => d.LatestStage).ThenBy(d => d.Department, StringComparer.CurrentCulture)
            .ToList();
    }
}
