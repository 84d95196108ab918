-- Survey responses, each once (earliest import wins). Their wave is decided in survey_wave.
-- grain: one row per survey x response_id
select
    survey,
    response_id,
    submitted_at,
    person_id,
    department,
    import_id
from raw_survey_response
qualify row_number() over (partition by survey, response_id order by import_id, line) = 1
