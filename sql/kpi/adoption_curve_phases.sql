-- Where each cohort stands on the seed's curve: novelty peak (months 1-3), valley of disillusionment (months 4-9),
-- stabilisation (month 10 and later), with an early warning when the valley is deep.
-- grain: one row per cohort_kind x cohort (as in adoption_cohorts)
-- peak: highest active_rate in months 1-3; trough: lowest in months 4-9; stable_rate: mean of months 10+;
-- valley_depth = (peak_rate - trough_rate) / peak_rate; phase_now from the cohort's latest month index;
-- warning: valley_depth above the setting valley_threshold (default 0.25). Seed: 64 % of AI projects see a clear
-- decline in use after 3-6 months; only continued change activities keep use high.
-- materialise: table
--   (rebuilt with adoption_cohorts after an import, and when the valley_threshold setting changes.)
with curve as (
    select * from adoption_cohorts
),
threshold as (
    select valley_threshold from dim_organisation
),
peak as (
    -- A tie goes to the earliest month (arg_max alone picks any of them, and two refreshes of the same data differed).
    select cohort_kind, cohort, max(active_rate) as peak_rate, arg_max(month_index, (active_rate, -month_index)) as peak_month
    from curve where month_index between 1 and 3 group by cohort_kind, cohort
),
trough as (
    select cohort_kind, cohort, min(active_rate) as trough_rate, arg_min(month_index, (active_rate, month_index)) as trough_month
    from curve where month_index between 4 and 9 group by cohort_kind, cohort
),
stable as (
    select cohort_kind, cohort, avg(active_rate) as stable_rate
    from curve where month_index >= 10 group by cohort_kind, cohort
),
latest as (
    select cohort_kind, cohort, max(month_index) as latest_month, any_value(cohort_size) as cohort_size
    from curve group by cohort_kind, cohort
)
select
    l.cohort_kind,
    l.cohort,
    l.cohort_size,
    p.peak_rate,
    p.peak_month,
    t.trough_rate,
    t.trough_month,
    (p.peak_rate - t.trough_rate) / nullif(p.peak_rate, 0)                       as valley_depth,
    s.stable_rate,
    l.latest_month,
    case when l.latest_month <= 3 then 'novelty' when l.latest_month <= 9 then 'valley' else 'stabilisation' end as phase_now,
    coalesce((p.peak_rate - t.trough_rate) / nullif(p.peak_rate, 0) > h.valley_threshold, false)              as warning,
    h.valley_threshold
from latest l
cross join threshold h
left join peak p using (cohort_kind, cohort)
left join trough t using (cohort_kind, cohort)
left join stable s using (cohort_kind, cohort)
