-- AI tool usage per person and day, each key once: when two imports overlap, the earlier import counts
-- (raw_usage.counted, decided at import and at undo). The person is the one the log's user counts as
-- (person_identity): a GitHub login or UPN of a roster person is that person.
-- grain: one row per person_id x usage_date x tool x feature
-- materialise: view
-- A view, not a table: a filter over raw_usage that only marts read, while a copy cost a million-row write and most
-- of a second on every usage import. It reads raw_usage itself, without a staging view: a backup recreates views in
-- name order, and a view over a later-named view would not restore. Only the few pseudonyms that are someone else's
-- identity are looked up, so the join's build side stays tiny.
select
    coalesce(i.resolved_person_id, u.person_id) as person_id,
    u.usage_date,
    date_trunc('month', u.usage_date)::date as month,
    u.tool,
    u.feature,
    u.events,
    u.active_minutes,
    u.actions
from raw_usage u
left join (select person_id, resolved_person_id from person_identity where resolved_person_id <> person_id) i using (person_id)
where u.counted
