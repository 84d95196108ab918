using AiChangeInsights.Warehouse.Ingest;
using AiChangeInsights.Warehouse.Ingest.Survey;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Jobs;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiChangeInsights.Web.Pages.Imports;

/// <summary>
/// Imports, for analysts (RouteAccess): the upload area (the browser sends each file with XMLHttpRequest to
/// /imports/upload and follows its job through /imports/jobs, see wwwroot/js/imports.js), the inbox folder, the
/// import history newest first, the surveys whose question mapping still waits for an analyst, and the months each
/// source's exports leave out or cover in part (data_coverage).
/// </summary>
public sealed class IndexModel(Warehouse.Warehouse warehouse, SurveyMapping mapping, Inbox inbox) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<ImportHistory.Row> History { get; private set; } = [];
    public long Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public IReadOnlyList<(string Survey, long Unconfirmed)> Unconfirmed { get; private set; } = [];
    public IReadOnlyList<string> Surveys { get; private set; } = [];
    public IReadOnlyList<string> Sources { get; } = SourceCatalog.All.Select(s => s.Name).ToList();
    public string InboxFolder => inbox.Folder;
    public IReadOnlyList<CoverageGap> Gaps { get; private set; } = [];

    /// <summary><paramref name="p"/>: the history page (Razor Pages keeps the name "page" for itself).</summary>
    public void OnGet(int p = 1)
    {
        Total = ImportHistory.Count(warehouse);
        PageCount = Math.Max(1, (int)((Total + PageSize - 1) / PageSize));
        PageNumber = Math.Clamp(p, 1, PageCount);
        History = ImportHistory.Newest(warehouse, (PageNumber - 1) * PageSize, PageSize);
        Unconfirmed = mapping.Unconfirmed();
        Surveys = mapping.Surveys();
        Gaps = CoverageGap.ReadAll(warehouse, DateOnly.MinValue, DateOnly.MaxValue);
    }
}
