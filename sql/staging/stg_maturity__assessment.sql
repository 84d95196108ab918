-- Maturity assessments with a stage for every row: as assessed, or the rounded mean of 1-5 item scores.
-- grain: one row per assessed_at x department (earliest import wins)
select
    assessed_at,
    department,
    coalesce(stage, least(5, greatest(1, round(item_mean)::integer))) as stage,
    item_mean,
    import_id
from raw_maturity_assessment
qualify row_number() over (partition by assessed_at, department order by import_id, line) = 1
