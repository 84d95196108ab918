-- The department-months behind activity_adoption_correlation: how much of a change activity a department got in a
-- month (exposure), and how many of its people used AI that month and the next (adoption). The Activities page
-- draws them as a scatter; activity_adoption_correlation correlates them, so the definitions live here once.
-- grain: one row per activity type (of dim_activity_type that occurs in fct_activity_participation) x department
--   (of dim_department with target-group people) x month (of dim_month with usage data, from the department's first
--   go-live month on)
-- participants: participants of the type in the department and month; a participant row counts when the person is
--   in the target group, a head-count row (communication) counts its participants; 0 without the activity.
-- exposure: participants / the department's target-group people in the month (can exceed 1: one person at two workshops).
-- adoption: active target-group people of the department in the month / its target-group people (fct_person_month).
-- adoption_next_month: the same for the following month; NULL when that month has no usage data (the end of the
--   data, or a missing export), so the unit does not count for a lag of one month.
-- unit: exposure: participants per target-group person; adoption, adoption_next_month: fraction 0..1
-- materialise: table
--   (a few thousand rows at the large scale, read per activity type by the page and by activity_adoption_correlation)
with activity_types as (
    select activity_type, label_en, label_nl
    from dim_activity_type
    where activity_type in (select activity_type from fct_activity_participation)
),
department_participants as (
    -- a participant counts while in the target group (fct_target_group_month)
    select a.activity_type, a.department, a.month, sum(a.participants) as participants
    from fct_activity_participation a
    where a.person_id is null
       or exists (select 1 from fct_target_group_month g where g.person_id = a.person_id and g.month = a.month)
    group by all
),
department_active as (
    select department, month, count(*) filter (where active) as active_people
    from fct_person_month
    group by all
),
units as (
    -- the department's target group in the month: leavers are out from the month they leave
    select g.department, count(*) as target_group_people, g.month
    from fct_target_group_month g
    join dim_department d using (department)
    join dim_month m on m.month = g.month and m.has_usage
    where g.month >= d.first_go_live_month
    group by g.department, g.month
)
select
    t.activity_type,
    t.label_en,
    t.label_nl,
    u.department,
    u.month,
    u.target_group_people,
    coalesce(p.participants, 0)::bigint                          as participants,
    (coalesce(p.participants, 0) / u.target_group_people)::double as exposure,
    (a.active_people / u.target_group_people)::double            as adoption,
    (n.active_people / u.target_group_people)::double            as adoption_next_month
from activity_types t
cross join units u
left join department_participants p
    on p.activity_type = t.activity_type and p.department = u.department and p.month = u.month
left join department_active a
    on a.department = u.department and a.month = u.month
left join department_active n
    on n.department = u.department and n.month = (u.month + interval 1 month)::date
