-- Business measurements per month and department.
-- grain: one row per month x department x metric
select period as month, department, metric, value
from stg_business_metric
