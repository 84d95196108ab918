-- kpi: minutes_per_user
-- dimension: usage
-- label_en: Minutes per active user
-- label_nl: Minuten per actieve gebruiker
-- unit: minutes
-- direction: higher_better
-- indicator: lagging
-- target: 120
-- amber: 60
-- order: 3
-- coverage: usage
-- definition: minutes of use in the month, summed over active people / active people (usage duration)
-- grain: one row per month x department (and 'All') x tool (and 'All'); no value without active people
select
    'usage'                                        as dimension,
    'minutes_per_user'      as kpi,
    month,
    department,
    tool,
    (minutes / nullif(active_people, 0))::double   as value,
    minutes::double                                as numerator,
    active_people                                  as denominator
from agg_usage_department_monthly
where target_people > 0
