-- kpi: features_per_user
-- dimension: usage
-- label_en: Features per active user
-- label_nl: Functies per actieve gebruiker
-- unit: features
-- direction: higher_better
-- indicator: lagging
-- target: 2.5
-- amber: 1.5
-- order: 4
-- coverage: usage
-- definition: distinct features used in the month, summed over active people / active people (breadth of use)
-- grain: one row per month x department (and 'All') x tool (and 'All'); no value without active people
select
    'usage'                                        as dimension,
    'features_per_user'     as kpi,
    month,
    department,
    tool,
    features / nullif(active_people, 0)            as value,
    features                                       as numerator,
    active_people                                  as denominator
from agg_usage_department_monthly
where target_people > 0
