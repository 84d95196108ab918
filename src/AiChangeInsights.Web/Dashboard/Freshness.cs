using Dapper;

namespace AiChangeInsights.Web.Dashboard;

/// <summary>How recent the numbers are: the last day any source covers, and when data was last imported.</summary>
public sealed record Freshness(DateOnly? DataUntil, DateTime? LastImportUtc, int MinGroupSize)
{
    public static Freshness Read(Warehouse.Warehouse warehouse) => warehouse.Read(c => c.QuerySingle<Freshness>("""
        select
            greatest(
                (select max(usage_date) from fct_usage_daily),
                (select max(submitted_at)::date from fct_survey_response),
                (select last_day(max(month)) from fct_business_metric),
                (select max(created_at)::date from fct_support_ticket)) as DataUntil,
            (select max(finished_at) from import_history where status = 'loaded') as LastImportUtc,
            (select min_group_size from dim_organisation) as MinGroupSize
        """));
}
