-- Ideas with their month and whether more than one department stands behind them.
-- grain: one row per idea
select
    submitted_at,
    date_trunc('month', submitted_at)::date as month,
    departments,
    len(departments) > 1                    as cross_functional,
    title,
    status
from stg_idea
