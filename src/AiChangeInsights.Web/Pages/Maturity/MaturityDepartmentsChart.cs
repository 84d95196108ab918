using AiChangeInsights.Web.Charts;
using Dapper;

namespace AiChangeInsights.Web.Pages.Maturity;

/// <summary>
/// Each department's stage at every assessment round and the change since the previous round: the page shows it as
/// a department x round table (no figure); the department filter narrows it to one department, the period filter
/// to the rounds in the period.
/// </summary>
public sealed class MaturityDepartmentsChart : ChartDefinition
{
    public override string Key => "maturity-departments";
    public override string TitleEn => "Maturity stage per department and assessment";
    public override string TitleNl => "Volwassenheidsstap per afdeling en meting";
    public override IReadOnlyList<string> SourceViews => ["maturity_department_history"];

    public sealed record Row(string Department, DateOnly Month, DateOnly AssessedAt, bool AssessedInRound, int Stage, string NameEn, string NameNl,
        int? PreviousStage, int? StageChange, bool IsLatestRound);

    public override ChartData Query(ChartRequest request)
    {
        var rows = request.Warehouse.Read(c => c.Query<Row>("""
            select department, month, assessed_at as AssessedAt, assessed_in_round as AssessedInRound, stage, name_en as NameEn,
                   name_nl as NameNl, previous_stage as PreviousStage, stage_change as StageChange, is_latest_round as IsLatestRound
            from maturity_department_history
            where ($department = 'All' or department = $department) and month between $from and $to
            order by department, month
            """, new { department = request.Filters.DepartmentOrAll, from = request.Filters.FromOrMin, to = request.Filters.ToOrMax }).ToList());
        return new ChartData(
            [
                new("department", "Department", "Afdeling"),
                new("month", "Assessment", "Meting", CellFormat.Month),
                new("assessed_at", "Assessed on", "Gemeten op", CellFormat.Date),
                new("assessed_in_round", "Assessed in this round", "Gemeten in deze ronde", CellFormat.Boolean),
                new("stage", "Stage", "Stap", CellFormat.Integer),
                new("name_en", "Stage (English)", "Stap (Engels)"),
                new("name_nl", "Stage (Dutch)", "Stap (Nederlands)"),
                new("previous_stage", "Previous stage", "Vorige stap", CellFormat.Integer),
                new("stage_change", "Change", "Verandering", CellFormat.Integer),
                new("is_latest_round", "Latest round", "Laatste ronde", CellFormat.Boolean),
            ],
            rows.Select(r => new object?[]
            {
                r.Department, r.Month, r.AssessedAt, r.AssessedInRound, r.Stage, r.NameEn, r.NameNl, r.PreviousStage, r.StageChange, r.IsLatestRound,
            }).ToList());
    }
}
