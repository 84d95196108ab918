-- Every target-group person in every analysed month: were they active, and where were they on their own curve?
-- The base of cohorts, the curve phases, activity uplift and the leadership effect.
-- grain: one row per person_id x month (target-group people of the roster before they leave, fct_target_group_month, x the
--   months of dim_month with usage data: without an export nobody can be seen active, and such a month is no data, not
--   a month of non-users)
-- month_index: whole months from the person's own go-live (rollout date, else the organisation's go-live); 1 = go-live month.
select
    p.person_id,
    p.department,
    p.role,
    p.champion,
    p.go_live_month,
    m.month,
    datediff('month', p.go_live_month, m.month) + 1     as month_index,
    u.person_id is not null                             as active,
    coalesce(u.active_days, 0)                          as active_days,
    coalesce(u.minutes, 0)                              as minutes,
    coalesce(u.features, 0)                             as features
from dim_person p
join fct_target_group_month m using (person_id)
join dim_month d on d.month = m.month and d.has_usage
left join fct_usage_monthly u on u.person_id = p.person_id and u.month = m.month and u.tool = 'All'
