-- The months the dashboard analyses: the baseline quarter before the organisation's go-live, then every month
-- with usage data. A month inside the span without any usage data (a missing export) is left out, so it never
-- reads as 0 % adoption.
-- grain: one row per month
-- month_index: whole months from the organisation's go-live; the go-live month is 1, the baseline is -2..0.
with organisation as (
    select go_live_month from dim_organisation
),
usage_months as (
    -- the same months as fct_usage_daily's, from the mart that already grouped its rows by month (a few rows per person
    -- and month instead of one per person-day: 47 -> 5 ms after a million-row import)
    select distinct month from fct_usage_monthly
),
span as (
    select unnest(generate_series(
        o.go_live_month - interval 2 month,
        greatest(o.go_live_month, (select max(month) from usage_months)),
        interval 1 month))::date as month
    from organisation o
    where o.go_live_month is not null
)
select
    s.month,
    datediff('month', o.go_live_month, s.month) + 1          as month_index,
    c.checkpoint,
    year(s.month) || 'Q' || quarter(s.month)                 as quarter,
    s.month < o.go_live_month                                as is_baseline
from span s
cross join organisation o
left join dim_checkpoint c on datediff('month', o.go_live_month, s.month) + 1 between c.month_from and c.month_to
where s.month < o.go_live_month or s.month in (select month from usage_months)
