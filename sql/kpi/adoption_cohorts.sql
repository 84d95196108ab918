-- Adoption curves: how many of a cohort use AI in each month since their own go-live.
-- grain: one row per cohort_kind x cohort x month_index (1 = the go-live month; months without usage data left out)
-- cohort_kind: rollout_month (cohort = 'yyyy-mm' of the people's go-live), department, organisation (cohort = 'All').
-- cohort_size: target-group people in the cohort; observed: those with this month index inside the data;
-- active_users: of them, with at least one usage day; active_rate = active_users / observed.
-- materialise: table
--   (three passes over every person-month: ~90 ms as a view at the large scale and about a second at stress, on
--   every Adoption page; as a table it is rebuilt once per import, and adoption_curve_phases reads it.)
with membership as (
    select 'rollout_month' as cohort_kind, strftime(go_live_month, '%Y-%m') as cohort, person_id, month_index, active
    from fct_person_month
    union all
    select 'department', department, person_id, month_index, active from fct_person_month
    union all
    select 'organisation', 'All', person_id, month_index, active from fct_person_month
),
sizes as (
    select cohort_kind, cohort, count(distinct person_id) as cohort_size from membership group by cohort_kind, cohort
)
select
    m.cohort_kind,
    m.cohort,
    m.month_index,
    s.cohort_size,
    count(*)                                       as observed,
    count(*) filter (where m.active)               as active_users,
    count(*) filter (where m.active) / count(*)    as active_rate
from membership m
join sizes s using (cohort_kind, cohort)
where m.month_index >= 1
group by m.cohort_kind, m.cohort, m.month_index, s.cohort_size
