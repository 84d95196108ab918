using AiChangeInsights.Warehouse.Reports;
using AiChangeInsights.Web.Audit;
using AiChangeInsights.Web.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiChangeInsights.Web.Pages.Reports;

/// <summary>
/// Quarterly reports for Leadership and Analysts (RouteAccess): the workbooks in &lt;data folder&gt;/reports with their
/// downloads at /reports/{file} (a report file by its exact name, nothing else), and a form that builds the report of
/// a finished quarter now instead of waiting for the nightly job.
/// </summary>
public sealed class IndexModel(Warehouse.Warehouse warehouse, AuditLog audit, IConfiguration configuration) : PageModel
{
    const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public IReadOnlyList<ReportFile> Files { get; private set; } = [];
    public IReadOnlyList<ReportQuarter> Finished { get; private set; } = [];
    public string? Built { get; private set; }
    public string? Problem { get; private set; }

    QuarterlyReports Reports => new(warehouse);

    public IActionResult OnGet(string? file, string? built)
    {
        if (file is not null)
        {
            if (Reports.Find(file) is not { } report) return NotFound();
            audit.Write(HttpContext, "report-download", report.Name);
            return PhysicalFile(report.FullPath, Xlsx, report.Name);
        }
        Load();
        Built = ReportQuarter.TryParse(built, out var q) ? q.ToString() : null;
        return Page();
    }

    public IActionResult OnPost(string? quarter)
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        if (!ReportQuarter.TryParse(quarter, out var chosen) || !Reports.FinishedQuarters(today).Contains(chosen))
        {
            Load();
            Problem = quarter ?? "";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var report = Reports.Build(chosen, QuarterlyReportJob.Culture(configuration), DateTime.UtcNow, HttpContext.RequestAborted);
        audit.Write(HttpContext, "report-build", report.Name);
        return Redirect($"/reports?built={chosen}");
    }

    void Load()
    {
        Files = Reports.Files();
        Finished = Reports.FinishedQuarters(DateOnly.FromDateTime(DateTime.Now)).OrderDescending().ToList();
    }
}
