-- AI tool usage per person and month, per tool and for all tools together ('All'), so that active days
-- across tools count each day once.
-- grain: one row per person_id x month x tool (tool = 'All' included)
-- Two plain group-bys instead of grouping sets with distinct counts: DuckDB then needs one hash table per
-- distinct count and grouping set, which took 1.5 times as long on a million daily rows.
with per_tool as (
    select
        person_id,
        month,
        tool,
        count(distinct usage_date)                            as active_days,
        coalesce(sum(active_minutes), 0)::decimal(14, 2)      as minutes,
        count(distinct feature)                               as features,
        sum(events)::bigint                                   as events
    from fct_usage_daily
    group by person_id, month, tool
),
all_tools as (
    select
        person_id,
        month,
        'All'                                                 as tool,
        count(distinct usage_date)                            as active_days,
        coalesce(sum(active_minutes), 0)::decimal(14, 2)      as minutes,
        count(distinct tool || ':' || feature)                as features,
        sum(events)::bigint                                   as events
    from fct_usage_daily
    group by person_id, month
)
select * from per_tool
union all
select * from all_tools
