-- AI tool usage per person and day, each key once: when two imports overlap, the earlier import counts
-- (raw_usage.counted, decided at import and at undo).
-- grain: one row per person_id x usage_date x tool x feature
-- materialise: view
-- A view, not a table: a filter over raw_usage that only marts read, while a copy cost a million-row write and most
-- of a second on every usage import. It reads raw_usage itself, without a staging view: a backup recreates views in
-- name order, and a view over a later-named view would not restore.
select
    person_id,
    usage_date,
    date_trunc('month', usage_date)::date as month,
    tool,
    feature,
    events,
    active_minutes,
    actions
from raw_usage
where counted
