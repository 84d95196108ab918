-- Which months each source's imports cover, and how fully: the base of data_coverage, of the month axis (dim_month)
-- and of the months in which usage KPIs exist (a month without usage data has no usage KPI, never 0 %).
-- grain: one row per source x tool x month, from the source's (for usage: the tool's) first to its last month
-- tool: a usage tool, or 'All' (usage: the tools together; every other source has only this row)
-- rows: usage person-days with use; responses, completions, activity rows, figures, tickets, ideas or assessments
-- covered_days: days of the month inside an import's window. A usage log's window runs from its first to its last row,
--   taken to the month's edge when it starts by the 10th or ends in the month's last 9 days (weekends and holidays have
--   no rows); a snapshot report declares its window. Other sources cover whole months: from an import's first to its
--   last row (training, activities, tickets, ideas), or the months with a figure (business metrics, surveys, maturity).
-- status: missing when no import covers the month, or when a usage log has no row at all in it (a month-long hole in
--   a log is a missing export, not a month in which nobody used AI); partial when imports cover only part of the
--   month; else present. Usage 'All' is present when every tool running that month is, missing when all are.
-- expected: whether the source delivers every month; surveys and maturity assessments come in waves, and the months
--   between them are no gaps.
with usage_window as (
    select
        tool,
        case when kind = 'rows' and day(first_day) <= 10 then date_trunc('month', first_day)::date else first_day end as first_day,
        case when kind = 'rows' and last_day(last_day) - last_day <= 9 then last_day(last_day) else last_day end as last_day,
        kind = 'declared' as declared
    from stg_usage__window
),
usage_day as (
    select tool, declared, unnest(generate_series(first_day, last_day, interval 1 day))::date as day
    from usage_window
),
event_window as (
    select 'training' as source, least(min(enrolled_at), min(completed_at)) as first_day,
           greatest(max(enrolled_at), max(completed_at)) as last_day
    from stg_training__enrolment group by import_id
    union all
    select 'activities', min(activity_date), max(activity_date) from stg_activity__participation group by import_id
    union all
    select 'support_tickets', min(created_at)::date, max(created_at)::date from stg_support_ticket group by import_id
    union all
    select 'ideas', min(submitted_at), max(submitted_at) from stg_idea group by import_id
),
monthly_rows as (
    select 'usage' as source, tool, month, sum(active_days)::bigint as rows from fct_usage_monthly group by tool, month
    union all
    select 'training', 'All', date_trunc('month', coalesce(completed_at, enrolled_at))::date, count(*)
    from stg_training__enrolment where coalesce(completed_at, enrolled_at) is not null group by all
    union all
    select 'survey', 'All', wave, count(*) from fct_survey_response group by wave
    union all
    select 'activities', 'All', date_trunc('month', activity_date)::date, count(*) from stg_activity__participation group by all
    union all
    select 'business_metrics', 'All', period, count(*) from stg_business_metric group by period
    union all
    select 'support_tickets', 'All', date_trunc('month', created_at)::date, count(*) from stg_support_ticket group by all
    union all
    select 'ideas', 'All', date_trunc('month', submitted_at)::date, count(*) from stg_idea group by all
    union all
    select 'maturity', 'All', date_trunc('month', assessed_at)::date, count(*) from stg_maturity__assessment group by all
),
covered as (
    select 'usage' as source, tool, date_trunc('month', day)::date as month, count(distinct day) as covered_days,
           min(day) as first_day, max(day) as last_day, bool_or(declared) as declared
    from usage_day
    group by all
    union all
    select distinct source, 'All', m.month::date, day(last_day(m.month)), m.month::date, last_day(m.month), false
    from event_window
    cross join unnest(generate_series(date_trunc('month', first_day), date_trunc('month', last_day), interval 1 month)) as m(month)
    union all
    select source, tool, month, day(last_day(month)), month, last_day(month), false
    from monthly_rows
    where source in ('business_metrics', 'survey', 'maturity')
),
span as (
    select source, tool, min(month) as first_month, max(month) as last_month
    from (select source, tool, month from covered union all select source, tool, month from monthly_rows where source <> 'usage')
    group by all
),
per_source as (
    select
        s.source,
        s.tool,
        m.month::date                                                    as month,
        coalesce(r.rows, 0)                                              as rows,
        coalesce(c.covered_days, 0)                                      as covered_days,
        c.first_day::date                                                as first_day,
        c.last_day::date                                                 as last_day,
        case
            when coalesce(c.covered_days, 0) = 0 then 'missing'
            when s.source = 'usage' and coalesce(r.rows, 0) = 0 and not c.declared then 'missing'
            when c.covered_days < day(last_day(m.month::date)) then 'partial'
            else 'present'
        end                                                              as status
    from span s
    cross join unnest(generate_series(s.first_month, s.last_month, interval 1 month)) as m(month)
    left join covered c on c.source = s.source and c.tool = s.tool and c.month = m.month
    left join monthly_rows r on r.source = s.source and r.tool = s.tool and r.month = m.month
),
usage_all as (
    select
        'usage'                                                          as source,
        'All'                                                            as tool,
        p.month,
        coalesce(any_value(r.rows), 0)                                   as rows,
        max(p.covered_days)                                              as covered_days,
        min(p.first_day)                                                 as first_day,
        max(p.last_day)                                                  as last_day,
        case
            when bool_and(p.status = 'present') then 'present'
            when bool_and(p.status = 'missing') then 'missing'
            else 'partial'
        end                                                              as status
    from per_source p
    left join monthly_rows r on r.source = 'usage' and r.tool = 'All' and r.month = p.month
    where p.source = 'usage'
    group by p.month
)
select *, source not in ('survey', 'maturity') as expected
from (select * from per_source union all select * from usage_all)
