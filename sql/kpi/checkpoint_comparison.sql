-- Baseline vs 1-3 vs 6 vs 12+ months: each KPI per department at the four checkpoints, with the change against
-- the baseline (the difference in the KPI's own unit; null when either side has no value).
-- grain: one row per kpi x department (and 'All')
-- <checkpoint>_suppressed: the survey cell was built from fewer than MinGroupSize respondents (or would let one be
-- recalculated); its value is null and pages read "fewer than N responses". target: as in kpi_matrix.
select
    dimension,
    kpi,
    any_value(label_en)                                            as label_en,
    any_value(label_nl)                                            as label_nl,
    any_value(unit)                                                as unit,
    any_value(direction)                                           as direction,
    department,
    max(value) filter (where checkpoint = 'baseline')              as baseline,
    max(value) filter (where checkpoint = 'early')                 as early,
    max(value) filter (where checkpoint = 'mid')                   as mid,
    max(value) filter (where checkpoint = 'long')                  as long,
    max(value) filter (where checkpoint = 'latest')                as latest,
    early - baseline                                               as delta_early,
    mid - baseline                                                 as delta_mid,
    long - baseline                                                as delta_long,
    bool_or(suppressed)                                            as any_suppressed,
    bool_or(suppressed) filter (where checkpoint = 'baseline')     as baseline_suppressed,
    bool_or(suppressed) filter (where checkpoint = 'early')        as early_suppressed,
    bool_or(suppressed) filter (where checkpoint = 'mid')          as mid_suppressed,
    bool_or(suppressed) filter (where checkpoint = 'long')         as long_suppressed,
    bool_or(suppressed) filter (where checkpoint = 'latest')       as latest_suppressed,
    any_value(target)                                              as target,
    any_value(sort_order)                                          as sort_order
from kpi_matrix
group by dimension, kpi, department
