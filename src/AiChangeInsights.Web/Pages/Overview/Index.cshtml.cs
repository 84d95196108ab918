using Dapper;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiChangeInsights.Web.Pages.Overview;

/// <summary>Overview: the usage dimension per month and department, read from kpi_monthly.</summary>
public sealed class IndexModel(Warehouse.Warehouse warehouse) : PageModel
{
    public sealed record Row(string Kpi, DateOnly Month, string Department, double? Value, double Numerator, double Denominator);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Departments { get; private set; } = [];
    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public static readonly (string Kpi, string En, string Nl, bool Share)[] UsageKpis =
    [
        ("adoption_rate", "Adoption rate", "Adoptiegraad", true),
        ("active_days_per_user", "Active days per active user", "Actieve dagen per actieve gebruiker", false),
        ("minutes_per_user", "Minutes per active user", "Minuten per actieve gebruiker", false),
        ("features_per_user", "Features per active user", "Functies per actieve gebruiker", false),
    ];

    public void OnGet()
    {
        Rows = warehouse.Read(c => c.Query<Row>("""
            select kpi, month, department, value, numerator, denominator
            from kpi_monthly
            where dimension = 'usage' and tool = 'All'
            order by month, department
            """).ToList());
        Departments = Rows.Select(r => r.Department).Distinct().OrderBy(d => d == "All" ? 1 : 0).ThenBy(d => d, StringComparer.CurrentCulture).ToList();
        Months = Rows.Select(r => r.Month).Distinct().Order().ToList();
    }

    public Row? Cell(string kpi, DateOnly month, string department) =>
        Rows.FirstOrDefault(r => r.Kpi == kpi && r.Month == month && r.Department == department);
}
