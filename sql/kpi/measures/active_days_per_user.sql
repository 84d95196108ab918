-- kpi: active_days_per_user
-- dimension: usage
-- label_en: Active days per active user
-- label_nl: Actieve dagen per actieve gebruiker
-- unit: days
-- direction: higher_better
-- indicator: lagging
-- target: 8
-- amber: 5
-- order: 2
-- coverage: usage
-- definition: days with any use, summed over active people / active people (usage frequency)
-- grain: one row per month x department (and 'All') x tool (and 'All'); no value without active people
select
    'usage'                                        as dimension,
    'active_days_per_user'  as kpi,
    month,
    department,
    tool,
    active_days / nullif(active_people, 0)         as value,
    active_days                                    as numerator,
    active_people                                  as denominator
from agg_usage_department_monthly
where target_people > 0
