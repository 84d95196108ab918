-- kpi: suggestions_submitted
-- dimension: innovation
-- label_en: Suggestions submitted
-- label_nl: Ingediende voorstellen
-- unit: count
-- direction: higher_better
-- indicator: leading
-- target: 5
-- amber: 2
-- order: 18
-- coverage: ideas
-- definition: ideas submitted in the month (idea-management export), whatever their status
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
    'suggestions_submitted' as kpi,
    s.month,
    s.department,
    'All'                        as tool,
    count(i.month)               as value,
    count(i.month)               as numerator,
    1                            as denominator
from spine s
left join idea_unit i on i.department = s.department and i.month = s.month
group by s.month, s.department
