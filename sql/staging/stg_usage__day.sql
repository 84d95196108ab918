-- AI tool usage per person and day, each key once: when two imports overlap, the earlier import counts.
-- grain: one row per person_id x usage_date x tool x feature
select
    person_id,
    usage_date,
    tool,
    feature,
    events,
    active_minutes,
    actions,
    import_id
from raw_usage
qualify row_number() over (partition by person_id, usage_date, tool, feature order by import_id) = 1
