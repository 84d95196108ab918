-- The months the dashboard analyses: every month from the first to the last that any dated source covers (usage,
-- training, survey waves, activities, business metrics, tickets, ideas, maturity), widened to the baseline quarter
-- before go-live and to the go-live month itself, never past the current month.
-- grain: one row per month
-- month_index: whole months from the organisation's go-live; the go-live month is 1, the baseline is -2..0; null (and no
--   checkpoint) while no go-live is known.
-- has_usage: some usage export covers the month (data_coverage usage 'All' present or partial). Usage KPIs, cohorts and
--   activity units exist only in such months: a month without usage data is "no data", never 0 % adoption.
with organisation as (
    select go_live_month from dim_organisation
),
coverage as (
    select month, bool_or(source = 'usage' and tool = 'All' and status <> 'missing') as has_usage
    from agg_data_coverage_monthly
    group by month
),
span as (
    select unnest(generate_series(
        least((select min(month) from coverage), o.go_live_month - interval 3 month),
        least(greatest((select max(month) from coverage), o.go_live_month), date_trunc('month', current_date)),
        interval 1 month))::date as month
    from organisation o
)
select
    s.month,
    datediff('month', o.go_live_month, s.month) + 1          as month_index,
    c.checkpoint,
    year(s.month) || 'Q' || quarter(s.month)                 as quarter,
    coalesce(s.month < o.go_live_month, false)               as is_baseline,
    coalesce(v.has_usage, false)                             as has_usage
from span s
cross join organisation o
left join coverage v using (month)
left join dim_checkpoint c on datediff('month', o.go_live_month, s.month) + 1 between c.month_from and c.month_to
where s.month is not null
