-- The organisation's distribution over the five maturity stages at every assessment round: is it moving up the
-- ladder? The last round equals maturity_distribution.
-- grain: one row per assessment round (a month in which any department was assessed) x stage (1..5, also stages
--   without departments)
-- units: departments on the stage in the round (maturity_department_history: latest assessment in or before the
--   round); share = units / departments assessed by then; departments: their names, alphabetically, ', '-separated
--   (NULL when there are none).
-- unit: share, benchmark_share: fraction 0..1
-- materialise: table
--   (5 rows per round; rebuilt with maturity_department_history when maturity assessments are imported.)
with rounds as (
    select distinct month from maturity_department_history
),
assessed as (
    select month, count(*) as departments from maturity_department_history group by all
)
select
    r.month,
    s.stage,
    s.name_en,
    s.name_nl,
    count(h.department)                                         as units,
    (count(h.department) / any_value(a.departments))::double    as share,
    string_agg(h.department, ', ' order by h.department)        as departments,
    s.benchmark_share::double                                   as benchmark_share
from rounds r
join assessed a using (month)
cross join dim_maturity_stage s
left join maturity_department_history h on h.month = r.month and h.stage = s.stage
group by r.month, s.stage, s.name_en, s.name_nl, s.benchmark_share
