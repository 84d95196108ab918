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
    select t.completed_month, t.passed, p.department
    from fct_training t
    join dim_person p using (person_id)
    where p.in_roster and p.target_group and t.completed_at is not null and t.passed is not null
),
cells as (
    select
        m.month,
        coalesce(r.department, 'All')                           as department,
        count(*) filter (where r.passed)                        as passed,
        count(*)                                                as results
    from dim_month m
    join results r on r.completed_month <= m.month
    group by grouping sets ((m.month, r.department), (m.month))
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
