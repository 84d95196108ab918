-- Survey responses, each once (earliest import wins). A response belongs to the wave of its completion month.
-- grain: one row per survey x response_id
select
    survey,
    response_id,
    submitted_at,
    date_trunc('month', submitted_at)::date as wave,
    person_id,
    department,
    import_id
from raw_survey_response
qualify row_number() over (partition by survey, response_id order by import_id, line) = 1
