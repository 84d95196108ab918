-- kpi: certification_rate
-- dimension: competence
-- label_en: Certifications passed
-- label_nl: Geslaagde certificeringen
-- unit: share
-- direction: higher_better
-- indicator: lagging
-- target: 0.80
-- amber: 0.60
-- order: 7
-- coverage: training
-- definition: completed courses with a pass by the end of the month / completed courses with a pass-or-fail result (target group); per level in certification_by_level
-- grain: one row per month of dim_month x department (and 'All'); no value before the first result
with results as (
    select person_id, completed_month, passed
    from fct_training
    where completed_at is not null and passed is not null
),
cells as (
    -- the results of the month's target group (fct_target_group_month: a leaver's results leave with them)
    select
        m.month,
        coalesce(g.department, 'All')                           as department,
        count(*) filter (where r.passed)                        as passed,
        count(*)                                                as results
    from dim_month m
    join fct_target_group_month g on g.month = m.month
    join results r on r.person_id = g.person_id and r.completed_month <= m.month
    group by grouping sets ((m.month, g.department), (m.month))
)
select
    'competence'               as dimension,
    'certification_rate'    as kpi,
    month,
    department,
    'All'                      as tool,
    passed / results           as value,
    passed                     as numerator,
    results                    as denominator
from cells
