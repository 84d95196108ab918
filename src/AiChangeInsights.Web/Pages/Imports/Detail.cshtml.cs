using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiChangeInsights.Web.Pages.Imports;

/// <summary>
/// One import: its facts from import_history, its rejected rows (line, column, value, reason; the first
/// <see cref="MaxRows"/> here, all of them in the Excel download), and the undo form of a loaded import, which posts
/// to /imports/{id}/undo and comes back here to show it undone.
/// </summary>
public sealed class DetailModel(Warehouse.Warehouse warehouse) : PageModel
{
    public const int MaxRows = 500;

    public sealed record RejectedRow(long Line, string? ColumnName, string? Value, string Reason);

    public ImportHistory.Row Import { get; private set; } = null!;
    public IReadOnlyList<RejectedRow> Rejected { get; private set; } = [];
    public long RejectedTotal { get; private set; }

    /// <summary>For a survey import: the surveys its answers belong to (their question mapping is worth a look).</summary>
    public IReadOnlyList<string> Surveys { get; private set; } = [];

    public IActionResult OnGet(long importId)
    {
        if (ImportHistory.Find(warehouse, importId) is not { } import) return NotFound();
        Import = import;
        (Rejected, RejectedTotal, Surveys) = warehouse.Read(c => (
            c.Query<RejectedRow>("""
                select line::bigint as line, column_name, value, reason from import_rejected_row
                where import_id = $importId order by line, column_name nulls first limit $max
                """, new { importId, max = MaxRows }).ToList(),
            c.ExecuteScalar<long>("select count(*) from import_rejected_row where import_id = $importId", new { importId }),
            import.Source == "survey"
                ? c.Query<string>("select distinct survey from raw_survey_response where import_id = $importId order by 1", new { importId }).ToList()
                : []));
        return Page();
    }
}
