-- Each department's way up (or down) the seed's maturity ladder: its stage at every assessment round, so that the
-- Maturity page can show who moved and who is stuck, and maturity_stage_history can count departments per stage.
-- grain: one row per department x assessment round, from the department's first assessment on
-- assessment round: a month in which any department was assessed (fct_maturity_assessment.month).
-- stage: the department's stage at its latest assessment in or before the round (carried forward when the department
--   was not assessed that month; assessed_in_round says whether it was). Two assessments in one month: the later wins.
-- previous_stage: the stage in the department's previous round (NULL in its first); stage_change: stage -
--   previous_stage (NULL in its first round).
-- is_latest_round: the last round; its stages are those of maturity_distribution.
-- materialise: table
--   (a few hundred rows, but the as-of join and the windows cost 20-30 ms at the large scale on every read; as a
--   table it is rebuilt when maturity assessments are imported.)
with assessments as (
    select department, month, assessed_at, stage
    from fct_maturity_assessment
    qualify row_number() over (partition by department, month order by assessed_at desc) = 1
),
rounds as (
    select distinct month from assessments
),
grid as (
    select f.department, r.month
    from (select department, min(month) as first_month from assessments group by all) f
    join rounds r on r.month >= f.first_month
),
carried as (
    select g.department, g.month, a.assessed_at, a.stage, a.month = g.month as assessed_in_round
    from grid g
    asof join assessments a on a.department = g.department and g.month >= a.month
),
changes as (
    select *, lag(stage) over (partition by department order by month) as previous_stage
    from carried
)
select
    c.department,
    c.month,
    c.assessed_at,
    c.assessed_in_round,
    c.stage,
    s.name_en,
    s.name_nl,
    c.previous_stage,
    c.stage - c.previous_stage                      as stage_change,
    c.month = (select max(month) from rounds)       as is_latest_round
from changes c
join dim_maturity_stage s using (stage)
