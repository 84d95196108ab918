-- kpi: csat_change
-- dimension: business_impact
-- label_en: Customer satisfaction vs baseline
-- label_nl: Klanttevredenheid t.o.v. nulmeting
-- unit: relative_change
-- direction: higher_better
-- indicator: lagging
-- target: 0.05
-- amber: 0
-- order: 16
-- coverage: business_metrics
-- definition: (customer satisfaction in the month - baseline) / baseline; baseline = mean of the three months before go-live
-- grain: one row per month with business metrics x department (and 'All'); none without a baseline
select
    'business_impact'                      as dimension,
    'csat_change'           as kpi,
    month,
    department,
    'All'                                  as tool,
    (value - baseline) / baseline          as value,
    value - baseline                       as numerator,
    baseline                               as denominator
from agg_business_metric_monthly
where metric = 'csat' and baseline is not null and baseline <> 0
