using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace AiChangeInsights.Web.Dashboard;

/// <summary>
/// The global filters, kept in the URL so a view can be shared and survives moving between pages:
/// period (from/to month, yyyy-MM), department, tool. Unknown or malformed values are ignored, never an error.
/// </summary>
public sealed record DashboardFilters(DateOnly? From, DateOnly? To, string? Department, string? Tool)
{
    public static readonly DashboardFilters None = new(null, null, null, null);

    public string DepartmentOrAll => string.IsNullOrEmpty(Department) ? "All" : Department;
    public string ToolOrAll => string.IsNullOrEmpty(Tool) ? "All" : Tool;

    /// <summary>First day of the From month, or the earliest possible date.</summary>
    public DateOnly FromOrMin => From ?? DateOnly.MinValue;

    /// <summary>First day of the To month, or the latest possible date.</summary>
    public DateOnly ToOrMax => To ?? DateOnly.MaxValue;

    public static DashboardFilters FromQuery(IQueryCollection query) => Parse(query.ToDictionary(q => q.Key, q => q.Value.ToString()));

    public static DashboardFilters Parse(string queryString) =>
        Parse(QueryHelpers.ParseQuery(queryString).ToDictionary(q => q.Key, q => q.Value.ToString()));

    static DashboardFilters Parse(IReadOnlyDictionary<string, string> query)
    {
        DateOnly? Month(string key) => query.TryGetValue(key, out var v)
            && DateOnly.TryParseExact(v + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        string? Text(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) && v != "All" ? v.Trim() : null;
        var from = Month("from");
        var to = Month("to");
        if (from is not null && to is not null && from > to) (from, to) = (to, from);
        return new DashboardFilters(from, to, Text("department"), Text("tool"));
    }

    /// <summary>The filters as a query string (without '?'), in a stable order.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        if (From is { } from) parts.Add("from=" + from.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        if (To is { } to) parts.Add("to=" + to.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        if (Department is not null) parts.Add("department=" + Uri.EscapeDataString(Department));
        if (Tool is not null) parts.Add("tool=" + Uri.EscapeDataString(Tool));
        return string.Join("&", parts);
    }

    /// <summary>A link to <paramref name="path"/> with these filters and any extra parameters.</summary>
    public string Link(string path, params (string Key, string? Value)[] extra)
    {
        var query = string.Join("&", new[] { ToQuery() }
            .Concat(extra.Where(e => !string.IsNullOrEmpty(e.Value)).Select(e => $"{e.Key}={Uri.EscapeDataString(e.Value!)}"))
            .Where(p => p.Length > 0));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    public string Describe(CultureInfo culture)
    {
        var dutch = Text.Lang.IsDutch(culture);
        string Month(DateOnly? d) => d?.ToString("MMM yyyy", culture) ?? "…";
        var period = From is null && To is null ? (dutch ? "alle maanden" : "all months") : $"{Month(From)} – {Month(To)}";
        return dutch
            ? $"periode {period}; afdeling {(Department ?? "alle")}; tool {(Tool ?? "alle")}"
            : $"period {period}; department {(Department ?? "all")}; tool {(Tool ?? "all")}";
    }
}
