using System.Globalization;
using AiChangeInsights.Web.Access;
using AiChangeInsights.Web.Charts;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AiChangeInsights.Web.Dashboard;

/// <summary>
/// The base of every dashboard page: the filters from the URL, the frame's facts (freshness, choices), the
/// user's role, and the charts' data from the catalog.
/// </summary>
public abstract class DashboardPage(ChartCatalog catalog, DashboardContext context) : PageModel
{
    public DashboardFilters Filters { get; private set; } = DashboardFilters.None;
    public DashboardContext.Snapshot Frame { get; private set; } = null!;
    public Role? Role => Roles.Of(User);
    public CultureInfo Culture => CultureInfo.CurrentCulture;
    public ChartCatalog Catalog => catalog;

    /// <summary>The query string charts and exports get: the filters plus the page's own options.</summary>
    public string ChartQuery => Request.QueryString.HasValue ? Request.QueryString.Value!.TrimStart('?') : "";

    public IReadOnlyDictionary<string, string> Options => Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext handler)
    {
        Filters = DashboardFilters.FromQuery(Request.Query);
        Frame = context.Current;
    }

    public ChartData Data(string key) => catalog.Data(catalog.Find(key)!, Filters, Options);
}
