-- The organisation's timeline and privacy settings, as every KPI reads them.
-- grain: one row
-- go_live_month: the setting, else the earliest rollout date in the roster, else the first month with usage data
--   (DESIGN: Warehouse, go-live). An organisation with a roster, LMS data and a baseline survey but no usage yet and no
--   setting has no go-live: its months have no month index and no checkpoint until one is known.
-- survey_wave_gap_days: more days than this between two responses of a survey start a new wave (survey_wave).
-- Reads fct_usage_daily: each person-day once.
with usage_span as (
    select min(usage_date) as first_usage_date, max(usage_date) as last_usage_date from fct_usage_daily
),
rollout as (
    select min(rollout_date) as first_rollout_date from stg_roster__person
),
settings as (
    select
        max(value) filter (where key = 'go_live_month')    as go_live_month,
        max(value) filter (where key = 'min_group_size')   as min_group_size,
        max(value) filter (where key = 'valley_threshold') as valley_threshold,
        max(value) filter (where key = 'survey_wave_gap_days') as survey_wave_gap_days
    from setting
)
select
    date_trunc('month', coalesce(try_cast(s.go_live_month as date), r.first_rollout_date, u.first_usage_date))::date
                                                                                             as go_live_month,
    date_trunc('month', u.first_usage_date)::date                                            as first_usage_month,
    u.last_usage_date,
    greatest(3, coalesce(try_cast(s.min_group_size as integer), 5))                          as min_group_size,
    coalesce(try_cast(s.valley_threshold as double), 0.25)                                   as valley_threshold,
    greatest(1, coalesce(try_cast(s.survey_wave_gap_days as integer), 21))                   as survey_wave_gap_days
from usage_span u, rollout r, settings s
