-- The target group month by month: the one definition of who counts in a month's denominators. A roster person in the
-- target group counts in every analysed month before the month they leave (a leaving date, or the month the roster
-- first marked them as gone); from that month on they are out.
-- grain: one row per person_id x month (target-group people of the roster x dim_month, before their left_month)
select
    p.person_id,
    m.month,
    p.department,
    p.role,
    p.champion,
    p.go_live_month
from dim_person p
join dim_month m on p.left_month is null or m.month < p.left_month
where p.in_roster and p.target_group
