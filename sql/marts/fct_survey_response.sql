-- Survey responses with their wave, quarter and department (as answered, else from the roster).
-- grain: one row per survey x response_id
select
    r.survey,
    r.response_id,
    r.submitted_at,
    r.wave,
    year(r.wave) || 'Q' || quarter(r.wave)               as quarter,
    r.person_id,
    coalesce(r.department, p.department, '(unknown)')    as department
from stg_survey__response r
left join dim_person p using (person_id)
