using System.Globalization;
using AiChangeInsights.Web.Access;
using AiChangeInsights.Web.Dashboard;
using AiChangeInsights.Web.Text;
using Plotly.Blazor;

namespace AiChangeInsights.Web.Charts;

/// <summary>What a chart asks: the filters of the page and its own options (e.g. kpi=adoption_rate).</summary>
public sealed record ChartRequest(Warehouse.Warehouse Warehouse, DashboardFilters Filters, IReadOnlyDictionary<string, string> Options)
{
    public string Option(string key, string fallback) => Options.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : fallback;
}

/// <summary>A Plotly figure: traces and layout.</summary>
public sealed record Figure(IList<ITrace> Data, Layout Layout);

/// <summary>
/// One chart of the dashboard: its data (a query on the contract views only), who may see it, and how it is
/// drawn. The same data feeds the chart, the table beside it and its downloads at /export/{Key}.xlsx|.json.
/// </summary>
public abstract class ChartDefinition
{
    public abstract string Key { get; }
    public abstract string TitleEn { get; }
    public abstract string TitleNl { get; }

    /// <summary>The contract views the query reads (named in every export).</summary>
    public abstract IReadOnlyList<string> SourceViews { get; }

    /// <summary>The options this chart reads from the URL besides the global filters.</summary>
    public virtual IReadOnlyList<string> OptionKeys => [];

    public virtual Role[] Roles => Access.Roles.Dashboard;

    public abstract ChartData Query(ChartRequest request);

    /// <summary>The Plotly figure, or null for data shown as a table only (the KPI heat table).</summary>
    public virtual Figure? Draw(ChartData data, CultureInfo culture) => null;

    public string Title(CultureInfo culture) => Lang.T(culture, TitleEn, TitleNl);
}
