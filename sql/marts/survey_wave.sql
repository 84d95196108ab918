-- The waves of each survey as the tool ran them: a run of the survey's responses in which no two consecutive response
-- dates lie more than survey_wave_gap_days apart (setting, default 21), so a pulse open from 24 September to 8 October
-- is one wave. The analyst's splits and merges (survey_wave_edit) decide a gap before the rule does; of two edits on
-- one gap the later counts. A wave is dated by the first day of its first response's month, so runs that start in
-- the same month are one wave (runs > 1 says so).
-- grain: one row per survey x wave
-- Every response of stg_survey__response falls in exactly one wave's [first_response_at, last_response_at].
with settings as (
    select survey_wave_gap_days as gap_days from dim_organisation
),
moments as (
    -- responses given at the same moment are never split apart
    select survey, submitted_at, count(*) as responses,
           lag(submitted_at) over (partition by survey order by submitted_at) as previous_at
    from stg_survey__response
    group by survey, submitted_at
),
edited_gap as (
    select m.survey, m.submitted_at, arg_max(e.kind, e.edited_at) as kind
    from moments m
    join survey_wave_edit e on e.survey = m.survey and e.starts_at > m.previous_at and e.starts_at <= m.submitted_at
    group by m.survey, m.submitted_at
),
run_start as (
    select
        m.*,
        case
            when m.previous_at is null then true
            when g.kind = 'split' then true
            when g.kind = 'merge' then false
            else datediff('day', m.previous_at, m.submitted_at) > s.gap_days
        end as starts_run
    from moments m
    left join edited_gap g using (survey, submitted_at)
    cross join settings s
),
runs as (
    select *, sum(starts_run::integer) over (partition by survey order by submitted_at rows unbounded preceding) as run
    from run_start
),
run_span as (
    select survey, run, min(submitted_at) as first_at, max(submitted_at) as last_at, sum(responses) as responses
    from runs
    group by survey, run
)
select
    survey,
    date_trunc('month', min(first_at))::date                                  as wave,
    row_number() over (partition by survey order by min(first_at))            as wave_number,
    min(first_at)                                                             as first_response_at,
    max(last_at)                                                              as last_response_at,
    sum(responses)::bigint                                                    as responses,
    count(*)                                                                  as runs
from run_span
group by survey, date_trunc('month', first_at)
