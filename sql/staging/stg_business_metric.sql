-- Business measurements, each once (earliest import wins; correct a value by undoing its import).
-- grain: one row per period (month) x department x metric
select
    period,
    department,
    metric,
    value,
    import_id
from raw_business_metric
qualify row_number() over (partition by period, department, metric order by import_id, line) = 1
