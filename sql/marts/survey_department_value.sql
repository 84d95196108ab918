-- materialise: view
-- The department values of each survey that name no roster department (answer codes such as AO01 or 2, a name the
-- roster spells otherwise), and those the analyst mapped (survey_department_map): what the mapping page lists. Until
-- mapped, such responses count in 'All' only (survey_cell).
-- grain: one row per survey x department value as exported
select
    r.survey,
    r.department                                    as value,
    count(*)                                        as responses,
    m.department                                    as mapped_to,
    m.mapped_by,
    m.mapped_at
from stg_survey__response r
left join survey_department_map m on m.survey = r.survey and m.value = r.department
where r.department is not null
  and (r.department not in (select department from dim_department) or m.department is not null)
group by all
