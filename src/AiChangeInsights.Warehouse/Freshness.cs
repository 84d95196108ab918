using System.Data;
using Dapper;

namespace AiChangeInsights.Warehouse;

/// <summary>
/// How recent the numbers are: the last day any dated source covers, when data was last imported, and the minimum group
/// size of survey cells. Every page's frame and the quarterly report's summary show it.
/// </summary>
public sealed record Freshness(DateOnly? DataUntil, DateTime? LastImportUtc, int MinGroupSize)
{
    public static Freshness Read(IDbConnection connection) => connection.QuerySingle<Freshness>("""
        select
            greatest(
                (select last_usage_date from dim_organisation), -- kept per import, not a scan of every usage row per page
                (select max(submitted_at)::date from fct_survey_response),
                (select last_day(max(month)) from fct_business_metric),
                (select max(created_at)::date from fct_support_ticket),
                (select max(coalesce(completed_at, enrolled_at)) from fct_training),
                (select max(activity_date) from fct_activity_participation),
                (select max(submitted_at) from fct_idea),
                (select max(assessed_at) from fct_maturity_assessment)) as DataUntil,
            (select max(finished_at) from import_history where status = 'loaded') as LastImportUtc,
            (select min_group_size from dim_organisation) as MinGroupSize
        """);
}
