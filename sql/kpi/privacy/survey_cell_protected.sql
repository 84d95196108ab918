-- materialise: table
-- The one privacy rule for survey numbers, for every role: a cell built from fewer than MinGroupSize respondents
-- (dim_organisation.min_group_size: setting Privacy:MinGroupSize, default 5, never below 3) is suppressed, and so
-- are as many further cells as it takes that 'All' minus the visible departments never describes fewer than
-- MinGroupSize respondents (complementary suppression).
-- grain: one row per cell of survey_cell
-- Rule, per group (cell_kind, survey, wave, quarter, checkpoint, construct):
--   primary:   n < MinGroupSize (departments and 'All')
--   remainder: All.n - sum(n of departments not primarily suppressed); it includes suppressed departments and
--              respondents outside the roster's departments
--   secondary: when 0 < remainder < MinGroupSize and 'All' is visible, the smallest visible departments are
--              suppressed one by one (smallest n first, then by name) until the remainder reaches MinGroupSize.
--   overlap:   a month, quarter or checkpoint cell is a union of wave cells (same construct, same department or
--              'All'); one that holds a suppressed wave cell is suppressed too, else two overlapping filters give
--              that wave cell away (a checkpoint cell that is exactly a wave cell the complementary step hid; a
--              quarter minus its visible waves; monthly pulses of the same few people adding up to n >= MinGroupSize).
--              So every visible cell is a sum of visible wave cells, and those are protected by the steps above.
-- value: Likert constructs the mean (1-5); recommend the NPS (% promoters - % detractors, -100..100).
-- A suppressed cell has value, n, numerator and denominator all null: a page shows "fewer than N responses".
with settings as (
    select min_group_size from dim_organisation
),
cells as (
    select
        c.*,
        concat_ws('|', c.cell_kind, coalesce(c.survey, '-'), coalesce(c.wave::varchar, '-'), coalesce(c.quarter, '-'),
                  coalesce(c.checkpoint, '-'), c.construct)                     as grp,
        c.n < s.min_group_size                                                   as primary_suppressed,
        s.min_group_size
    from survey_cell c
    cross join settings s
),
totals as (
    select
        grp,
        max(n) filter (where department = 'All')                                           as all_n,
        coalesce(bool_or(primary_suppressed) filter (where department = 'All'), true)      as all_suppressed,
        coalesce(sum(n) filter (where department <> 'All' and not primary_suppressed), 0)  as visible_n
    from cells
    group by grp
),
ranked as (
    select
        c.*,
        t.all_n - t.visible_n                                                    as remainder_n,
        t.all_suppressed,
        coalesce(sum(c.n) over (
            partition by c.grp, c.department <> 'All' and not c.primary_suppressed
            order by c.n, c.department
            rows between unbounded preceding and 1 preceding), 0)                as smaller_visible_n
    from cells c
    join totals t using (grp)
),
grouped as (
    select
        *,
        primary_suppressed
        or (department <> 'All' and not primary_suppressed and not all_suppressed
            and remainder_n > 0 and remainder_n + smaller_visible_n < min_group_size) as group_suppressed
    from ranked
),
suppressed_wave as (
    select wave, construct, department from grouped where cell_kind = 'wave' and group_suppressed
),
overlapping as (
    -- the cells (other than waves) that contain a suppressed wave cell; windows as in survey_cell
    select distinct g.grp, g.department
    from grouped g
    join suppressed_wave w on w.construct = g.construct and w.department = g.department
    left join dim_department d on d.department = g.department
    left join dim_checkpoint k on k.checkpoint = g.checkpoint
    cross join dim_organisation o
    where (g.cell_kind = 'month' and w.wave = g.wave)
       or (g.cell_kind = 'quarter' and year(w.wave) || 'Q' || quarter(w.wave) = g.quarter)
       or (g.cell_kind = 'checkpoint'
           and datediff('month', case when g.department = 'All' then o.go_live_month else d.first_go_live_month end, w.wave) + 1
               between k.month_from and k.month_to)
),
decided as (
    select g.*, g.group_suppressed or x.grp is not null as suppressed
    from grouped g
    left join overlapping x using (grp, department)
)
select
    cell_kind,
    survey,
    wave,
    quarter,
    checkpoint,
    construct,
    department,
    case when not suppressed then n end                                                  as n,
    case
        when suppressed then null
        when construct = 'recommend' then 100.0 * (promoters - detractors) / n
        else score_sum / n
    end                                                                                  as value,
    case when suppressed then null when construct = 'recommend' then promoters - detractors else score_sum end as numerator,
    case when not suppressed then n end                                                  as denominator,
    suppressed,
    min_group_size
from decided
