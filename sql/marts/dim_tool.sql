-- The AI tools seen in usage logs (the Tool filter's choices).
-- grain: one row per tool
-- Reads fct_usage_daily: each person-day once.
select tool, min(usage_date) as first_seen, max(usage_date) as last_seen
from fct_usage_daily
group by tool
