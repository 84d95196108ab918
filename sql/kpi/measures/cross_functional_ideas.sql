-- kpi: cross_functional_ideas
-- dimension: innovation
-- label_en: Cross-functional ideas
-- label_nl: Afdelingsoverstijgende ideeën
-- unit: count
-- direction: higher_better
-- indicator: lagging
-- target: 2
-- amber: 1
-- order: 19
-- coverage: ideas
-- definition: ideas submitted in the month by more than one department together
-- grain: one row per month of dim_month x department (and 'All'); an idea counts for every department behind it
with spine as (
    select m.month, d.department
    from dim_month m
    cross join (select department from dim_department union all select 'All') d
),
idea_unit as (
    -- each idea once for every department behind it, and once for 'All'
    select i.month, i.status, i.cross_functional, u.department
    from fct_idea i, unnest(list_append(i.departments, 'All')) as u(department)
)
select
    'innovation'                 as dimension,
    'cross_functional_ideas' as kpi,
    s.month,
    s.department,
    'All'                        as tool,
    count(i.month)               as value,
    count(i.month)               as numerator,
    1                            as denominator
from spine s
left join idea_unit i on i.department = s.department and i.month = s.month and i.cross_functional
group by s.month, s.department
