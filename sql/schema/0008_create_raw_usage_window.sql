-- The days each usage import covers, per tool: from its first to its last row ('rows'), or the window a snapshot report
-- declares ('declared': a 30-day report covers 30 days, whether or not anyone was active on each). data_coverage reads
-- them to tell a missing or partial export from a month in which nobody used AI.
-- grain: one row per import x tool
create table raw_usage_window (
    import_id integer not null,
    tool      varchar not null,
    first_day date not null,
    last_day  date not null,
    kind      varchar not null  -- rows / declared
);

insert into raw_usage_window
select import_id, tool, min(usage_date), max(usage_date), 'rows'
from raw_usage
group by import_id, tool;
