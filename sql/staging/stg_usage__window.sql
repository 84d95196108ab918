-- The days each usage import covers per tool (raw_usage_window), with their kind: from the log's rows, or declared by
-- a snapshot report.
-- grain: one row per import x tool
select
    import_id,
    tool,
    first_day,
    last_day,
    kind
from raw_usage_window
