-- The departments of the roster with their size: the unit of every per-department KPI.
-- grain: one row per department
select
    department,
    count(*)                                                  as people,
    count(*) filter (where target_group)                      as target_group_people,
    count(*) filter (where role in ('manager', 'leadership')) as managers,
    min(go_live_month)                                        as first_go_live_month
from dim_person
where in_roster
group by department
