-- What moved most: each KPI's change from its reference (the baseline checkpoint, else the early one) to its
-- latest value, measured against the distance from the reference to the target, so that 3 points of NPS and
-- 10 points of adoption compare. The Overview phrases the top three per department in plain words.
-- grain: one row per kpi x department with a reference and a latest value (suppressed cells left out)
-- score = |latest - reference| / |target - reference|; improved = the change goes the KPI's good direction.
with comparison as (
    select * from checkpoint_comparison where not any_suppressed
),
targets as (
    select kpi, department, target, last_month
    from kpi_matrix
    where checkpoint = 'latest'
),
measured as (
    select
        c.dimension, c.kpi, c.label_en, c.label_nl, c.unit, c.direction, c.department, c.sort_order,
        coalesce(c.baseline, c.early)                                        as reference,
        case when c.baseline is not null then 'baseline' else 'early' end    as reference_checkpoint,
        c.latest,
        t.last_month                                                         as latest_month,
        t.target
    from comparison c
    join targets t using (kpi, department)
    where coalesce(c.baseline, c.early) is not null and c.latest is not null
)
select
    *,
    latest - reference                                                                       as change,
    case when direction = 'higher_better' then latest > reference else latest < reference end as improved,
    abs(latest - reference) / greatest(abs(target - reference), 1e-9)                        as score,
    row_number() over (partition by department order by abs(latest - reference) / greatest(abs(target - reference), 1e-9) desc, sort_order) as rank
from measured
where latest <> reference
