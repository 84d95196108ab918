-- Survey answers as exported, from the import that delivered the response first.
-- grain: one row per survey x response_id x question
select
    survey,
    response_id,
    question,
    answer,
    import_id
from raw_survey_answer
qualify row_number() over (partition by survey, response_id, question order by import_id) = 1
