-- kpi: hours_saved_per_fte
-- dimension: business_impact
-- label_en: Hours saved per FTE
-- label_nl: Bespaarde uren per fte
-- unit: hours
-- direction: higher_better
-- indicator: lagging
-- target: 4
-- amber: 2
-- order: 13
-- coverage: business_metrics
-- definition: hours saved in the month (business metric hours_saved) / people in the department's roster (FTE by headcount)
-- grain: one row per month with business metrics x department (and 'All')
select
    'business_impact'          as dimension,
    'hours_saved_per_fte'   as kpi,
    month,
    department,
    'All'                      as tool,
    value / people             as value,
    value                      as numerator,
    people                     as denominator
from agg_business_metric_monthly
where metric = 'hours_saved' and people > 0
