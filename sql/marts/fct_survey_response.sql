-- Survey responses with their wave (survey_wave), quarter and department (as answered, through the analyst's mapping
-- of department values when there is one, else from the roster; a respondent is the person their identity counts as:
-- person_identity).
-- grain: one row per survey x response_id
select
    r.survey,
    r.response_id,
    r.submitted_at,
    w.wave,
    year(w.wave) || 'Q' || quarter(w.wave)               as quarter,
    p.person_id,
    coalesce(m.department, r.department, p.department, '(unknown)') as department
from stg_survey__response r
join survey_wave w on w.survey = r.survey and r.submitted_at between w.first_response_at and w.last_response_at
left join survey_department_map m on m.survey = r.survey and m.value = r.department
left join person_identity i on i.person_id = r.person_id
left join dim_person p on p.person_id = i.resolved_person_id
