-- The AI tools seen in usage logs (the Tool filter's choices).
-- grain: one row per tool
-- Reads the materialised fct_usage_daily, not stg_usage__day: the same rows without a second pass of its window.
select tool, min(usage_date) as first_seen, max(usage_date) as last_seen
from fct_usage_daily
group by tool
