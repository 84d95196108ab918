-- kpi: departments_active
-- dimension: innovation
-- label_en: Departments with active use
-- label_nl: Afdelingen met actief gebruik
-- unit: share
-- direction: higher_better
-- indicator: lagging
-- target: 0.80
-- amber: 0.50
-- order: 20
-- coverage: usage
-- definition: departments where at least 20 % of the target group used AI in the month / departments (a department's own row: 1 or 0)
-- grain: one row per month of dim_month x department (and 'All')
with department_month as (
    select month, department, active_people / target_people >= 0.2 as active
    from agg_usage_department_monthly
    where tool = 'All' and department <> 'All' and target_people > 0
)
select 'innovation' as dimension, 'departments_active' as kpi, month, department, 'All' as tool,
       active::integer as value, active::integer as numerator, 1 as denominator
from department_month
union all
select 'innovation', 'departments_active', month, 'All', 'All',
       count(*) filter (where active) / count(*), count(*) filter (where active), count(*)
from department_month
group by month
