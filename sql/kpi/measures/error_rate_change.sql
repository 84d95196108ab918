-- kpi: error_rate_change
-- dimension: business_impact
-- label_en: Error rate vs baseline
-- label_nl: Foutpercentage t.o.v. nulmeting
-- unit: relative_change
-- direction: lower_better
-- indicator: lagging
-- target: -0.15
-- amber: 0
-- order: 14
-- coverage: business_metrics
-- definition: (error rate in the month - baseline error rate) / baseline error rate; baseline = mean of the three months before go-live
-- grain: one row per month with business metrics x department (and 'All'); none without a baseline
select
    'business_impact'                      as dimension,
    'error_rate_change'     as kpi,
    month,
    department,
    'All'                                  as tool,
    (value - baseline) / baseline          as value,
    value - baseline                       as numerator,
    baseline                               as denominator
from agg_business_metric_monthly
where metric = 'error_rate' and baseline is not null and baseline <> 0
