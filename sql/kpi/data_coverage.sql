-- Which months each source covers, so that a missing or partial export is named instead of silently leaving a month
-- out (or, with two tools, making "All tools" adoption fall in a month only one tool's export arrived for).
-- grain: one row per source x tool (usage: every tool and 'All'; other sources: 'All') x month between the source's
--   first and last month
-- status: present / missing / partial (the rules are in agg_data_coverage_monthly); first_day and last_day: the days
--   the imports cover in the month; expected: false for waves (surveys, maturity), whose months between waves are no gap.
select
    source,
    tool,
    month,
    rows,
    status,
    covered_days,
    first_day,
    last_day,
    expected
from agg_data_coverage_monthly
