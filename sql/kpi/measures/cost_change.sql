-- kpi: cost_change
-- dimension: business_impact
-- label_en: Process cost vs baseline
-- label_nl: Proceskosten t.o.v. nulmeting
-- unit: relative_change
-- direction: lower_better
-- indicator: lagging
-- target: -0.05
-- amber: 0
-- order: 15
-- coverage: business_metrics
-- definition: (process cost in the month - baseline cost) / baseline cost; baseline = mean of the three months before go-live
-- grain: one row per month with business metrics x department (and 'All'); none without a baseline
select
    'business_impact'                      as dimension,
    'cost_change'           as kpi,
    month,
    department,
    'All'                                  as tool,
    (value - baseline) / baseline          as value,
    value - baseline                       as numerator,
    baseline                               as denominator
from agg_business_metric_monthly
where metric = 'cost' and baseline is not null and baseline <> 0
