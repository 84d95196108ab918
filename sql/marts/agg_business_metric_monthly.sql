-- Business metrics per month for each department and for 'All', with the baseline each month is compared with.
-- grain: one row per month x department (and 'All') x metric
-- All: hours_saved and cost are summed over departments; error_rate and csat are averaged, weighted by headcount.
-- baseline: the mean over the three months before the department's first go-live ('All': the organisation's go-live).
-- Departments outside the roster are left out (no headcount to weigh or divide by).
with metric as (
    select b.month, b.department, b.metric, b.value::double as value, d.people
    from fct_business_metric b
    join dim_department d using (department)
),
all_departments as (
    select
        month,
        'All' as department,
        metric,
        case when metric in ('hours_saved', 'cost') then sum(value) else sum(value * people) / sum(people) end as value,
        sum(people) as people
    from metric
    group by month, metric
),
cells as (
    select month, department, metric, value, people from metric
    union all
    select month, department, metric, value, people from all_departments
),
go_live as (
    select department, first_go_live_month as go_live from dim_department
    union all
    select 'All', go_live_month from dim_organisation
),
baseline as (
    select c.department, c.metric, avg(c.value) as baseline
    from cells c
    join go_live g using (department)
    where c.month >= g.go_live - interval 3 month and c.month < g.go_live
    group by c.department, c.metric
)
select c.month, c.department, c.metric, c.value, c.people, b.baseline
from cells c
left join baseline b using (department, metric)
