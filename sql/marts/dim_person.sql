-- Everyone any source mentions, described by the roster; people outside the roster are kept (their usage
-- counts as "not in roster") but belong to no department and to no target group. A pseudonym that is another
-- identity of a roster person (person_identity) is that person, not a row of its own.
-- grain: one row per person_id (of person_identity.resolved_person_id)
-- go_live_month: the person's rollout month, else the organisation's go-live month.
-- left_month: the month they leave the target group (their leaving date's), null while they stay.
select
    p.person_id,
    p.person_key,
    r.person_id is not null                                                  as in_roster,
    coalesce(r.department, '(not in roster)')                                as department,
    coalesce(r.role, 'employee')                                             as role,
    coalesce(r.champion, false)                                              as champion,
    coalesce(r.target_group, false)                                          as target_group,
    r.rollout_date,
    coalesce(date_trunc('month', r.rollout_date)::date, o.go_live_month)     as go_live_month,
    date_trunc('month', r.left_on)::date                                     as left_month
from person p
semi join person_identity i on i.person_id = p.person_id and i.resolved_person_id = p.person_id
left join stg_roster__person r using (person_id)
cross join dim_organisation o
