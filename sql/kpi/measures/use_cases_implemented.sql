-- kpi: use_cases_implemented
-- dimension: innovation
-- label_en: Use cases implemented
-- label_nl: Geïmplementeerde use cases
-- unit: count
-- direction: higher_better
-- indicator: lagging
-- target: 10
-- amber: 5
-- order: 17
-- coverage: ideas
-- definition: ideas with status implemented, submitted by the end of the month (cumulative; the export gives no implementation date)
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
    'innovation'                                                            as dimension,
    'use_cases_implemented' as kpi,
    s.month,
    s.department,
    'All'                                                                   as tool,
    count(i.month)                                                          as value,
    count(i.month)                                                          as numerator,
    1                                                                       as denominator
from spine s
left join idea_unit i on i.department = s.department and i.month <= s.month and i.status = 'implemented'
group by s.month, s.department
