-- AI tool usage per person and month, per tool and for all tools together ('All'), so that active days
-- across tools count each day once.
-- grain: one row per person_id x month x tool (tool = 'All' included)
select
    person_id,
    month,
    coalesce(tool, 'All')                                     as tool,
    count(distinct usage_date)                                as active_days,
    coalesce(sum(active_minutes), 0)::decimal(14, 2)          as minutes,
    count(distinct tool || ':' || feature)                    as features,
    sum(events)::bigint                                       as events
from fct_usage_daily
group by grouping sets ((person_id, month, tool), (person_id, month))
