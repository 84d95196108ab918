-- AI tool usage per person and day.
-- grain: one row per person_id x usage_date x tool x feature
select
    person_id,
    usage_date,
    date_trunc('month', usage_date)::date as month,
    tool,
    feature,
    events,
    active_minutes,
    actions
from stg_usage__day
