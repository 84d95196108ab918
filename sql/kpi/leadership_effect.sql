-- Leadership effect (seed: "waar leidinggevenden zelf actief AI-tools gebruiken ... verdubbelt de adoptiegraad onder
-- medewerkers bijna (van 34% naar 62%)"): do employees adopt more in departments whose managers use AI themselves?
-- grain: one row per managers_active value (true, false); both rows always, like a dimension, so that the page can
--   show the benchmark beside a group without departments.
-- managers_active: the department's managers (role manager or leadership, target group) were active in at least
--   manager_active_threshold (half) of their pooled person-months with month_index >= 1; a department without such
--   manager person-months (no managers in the target group) counts as false.
-- adoption_rate: active_person_months / person_months, where person_months are the person-months with
--   month_index >= 1 of the group's employees (role employee, target group), pooled over the group's departments.
-- departments: departments with at least one such employee person-month; people: distinct employees among them.
-- benchmark_adoption_rate: the seed's figures, 0.62 where managers use AI and 0.34 where they do not.
-- unit: adoption_rate, benchmark_adoption_rate, manager_active_threshold: fraction 0..1
-- direction: higher_better
-- materialise: table
--   (2 rows over every person-month: 60-80 ms as a view at the large scale, read by the Activities page on every
--   filter change; as a table it is rebuilt once per import.)
with threshold as (
    select 0.5::double as manager_active_threshold
),
benchmarks as (
    select * from (values (true, 0.62::double), (false, 0.34::double)) b(managers_active, benchmark_adoption_rate)
),
person_months as (
    select department, person_id, role, active
    from fct_person_month
    where month_index >= 1
),
manager_activity as (
    select department, avg(active::int) as active_share
    from person_months
    where role in ('manager', 'leadership')
    group by all
),
employee_months as (
    select department, person_id, active
    from person_months
    where role = 'employee'
),
department_group as (
    select e.department, coalesce(m.active_share >= t.manager_active_threshold, false) as managers_active
    from (select distinct department from employee_months) e
    cross join threshold t
    left join manager_activity m using (department)
),
group_figures as (
    select
        d.managers_active,
        count(distinct d.department)         as departments,
        count(distinct e.person_id)          as people,
        count(*)                             as person_months,
        count(*) filter (where e.active)     as active_person_months
    from employee_months e
    join department_group d using (department)
    group by all
)
select
    b.managers_active,
    coalesce(g.departments, 0)                                    as departments,
    coalesce(g.people, 0)                                         as people,
    coalesce(g.person_months, 0)                                  as person_months,
    coalesce(g.active_person_months, 0)                           as active_person_months,
    (g.active_person_months / g.person_months)::double            as adoption_rate,
    b.benchmark_adoption_rate,
    t.manager_active_threshold
from benchmarks b
cross join threshold t
left join group_figures g using (managers_active)
