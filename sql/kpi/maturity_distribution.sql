-- The organisation on the seed's maturity ladder: departments per stage at their latest assessment, beside the
-- benchmark of >300 SMEs (Fraunhofer IAO 2025: 47/28/19/5/1 %).
-- grain: one row per stage (1..5), also stages without departments
-- units: departments whose latest assessment puts them on the stage; share = units / assessed departments.
with latest as (
    select department, stage, assessed_at
    from fct_maturity_assessment
    qualify row_number() over (partition by department order by assessed_at desc) = 1
)
select
    s.stage,
    s.name_en,
    s.name_nl,
    s.description_en,
    s.description_nl,
    count(l.department)                                              as units,
    count(l.department) / nullif((select count(*) from latest), 0)   as share,
    s.benchmark_share::double                                        as benchmark_share,
    max(l.assessed_at)                                               as latest_assessed_at
from dim_maturity_stage s
left join latest l using (stage)
group by all
