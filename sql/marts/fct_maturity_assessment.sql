-- Maturity assessments per department on the seed's five-stage ladder.
-- grain: one row per department x assessed_at
select assessed_at, date_trunc('month', assessed_at)::date as month, department, stage, item_mean
from stg_maturity__assessment
