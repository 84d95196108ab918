-- Usage of the target group per month, department and tool, the base of the usage KPIs.
-- grain: one row per month x department (and 'All') x tool (and 'All'), for the months a usage export of that tool covers
--   (data_coverage present or partial; 'All': any tool's): a month without usage data has no row, so no usage KPI
-- Counts only target-group people of the roster in the month (fct_target_group_month: leavers are out from the month
-- they leave); a department without active people still gets a row (0 active).
with target_group as (
    select person_id, month, department from fct_target_group_month
),
headcount as (
    select month, coalesce(department, 'All') as department, count(*) as target_people
    from target_group
    group by grouping sets ((month, department), (month))
),
tool_months as (
    select month, tool from agg_data_coverage_monthly where source = 'usage' and status <> 'missing'
),
active as (
    select
        u.month,
        u.tool,
        coalesce(t.department, 'All')   as department,
        count(*)                        as active_people,
        sum(u.active_days)              as active_days,
        sum(u.minutes)                  as minutes,
        sum(u.features)                 as features
    from fct_usage_monthly u
    join target_group t using (person_id, month)
    group by grouping sets ((u.month, u.tool, t.department), (u.month, u.tool))
)
select
    tl.month,
    h.department,
    tl.tool,
    h.target_people,
    coalesce(a.active_people, 0)::bigint          as active_people,
    coalesce(a.active_days, 0)::bigint            as active_days,
    coalesce(a.minutes, 0)::decimal(18, 2)        as minutes,
    coalesce(a.features, 0)::bigint               as features
from tool_months tl
join headcount h on h.month = tl.month
left join active a on a.month = tl.month and a.department = h.department and a.tool = tl.tool
