using Dapper;

namespace AiChangeInsights.Web.Dashboard;

/// <summary>What every page's frame shows (freshness, filter choices), read once per warehouse version.</summary>
public sealed class DashboardContext(Warehouse.Warehouse warehouse)
{
    public sealed record Snapshot(Warehouse.Freshness Freshness, IReadOnlyList<string> Departments, IReadOnlyList<string> Tools, IReadOnlyList<DateOnly> Months);

    Snapshot? snapshot;
    long version = -1;

    public Snapshot Current
    {
        get
        {
            var now = warehouse.DataVersion;
            if (snapshot is not null && version == now) return snapshot;
            var fresh = new Snapshot(
                warehouse.Read(Warehouse.Freshness.Read),
                warehouse.Read(c => c.Query<string>("select department from dim_department order by department").ToList()),
                warehouse.Read(c => c.Query<string>("select tool from dim_tool order by tool").ToList()),
                warehouse.Read(c => c.Query<DateOnly>("select month from dim_month order by month").ToList()));
            (snapshot, version) = (fresh, now);
            return fresh;
        }
    }
}
