-- kpi: adoption_rate
-- dimension: usage
-- label_en: Adoption rate
-- label_nl: Adoptiegraad
-- unit: share
-- direction: higher_better
-- indicator: lagging
-- target: 0.60
-- amber: 0.40
-- order: 1
-- coverage: usage
-- definition: target-group people active (at least one usage day) in the month / target-group people
-- grain: one row per month x department (and 'All') x tool (and 'All')
select
    'usage'                                        as dimension,
    'adoption_rate'         as kpi,
    month,
    department,
    tool,
    active_people / target_people                  as value,
    active_people                                  as numerator,
    target_people                                  as denominator
from agg_usage_department_monthly
where target_people > 0
