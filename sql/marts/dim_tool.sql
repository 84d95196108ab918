-- The AI tools seen in usage logs (the Tool filter's choices).
-- grain: one row per tool
select tool, min(usage_date) as first_seen, max(usage_date) as last_seen
from stg_usage__day
group by tool
