-- Change activities: one row per participant, or per activity with a head count; each once (earliest import wins).
-- grain: one row per activity_date x activity_type x title x department x participant
select
    activity_date,
    activity_type,
    title,
    phase,
    department,
    person_id,
    participants_count,
    hours,
    import_id
from raw_activity
qualify row_number() over (
    partition by activity_date, activity_type, lower(title), department, person_id, participants_count
    order by import_id, line) = 1
