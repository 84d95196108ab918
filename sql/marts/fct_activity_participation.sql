-- Change-activity participation; the department is the activity's, else the participant's (the person their identity
-- counts as: person_identity).
-- grain: one row per activity x participant (participants = 1), or per activity with a head count
select
    a.activity_date,
    date_trunc('month', a.activity_date)::date            as month,
    a.activity_type,
    a.title,
    a.phase,
    coalesce(a.department, p.department)                  as department,
    p.person_id,
    coalesce(a.participants_count, 1)                     as participants,
    a.hours
from stg_activity__participation a
left join person_identity i on i.person_id = a.person_id
left join dim_person p on p.person_id = i.resolved_person_id
