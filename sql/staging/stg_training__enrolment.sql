-- Course enrolments and completions, each once (earliest import wins).
-- grain: one row per person_id x course x enrolled_at x completed_at
select
    person_id,
    course,
    level,
    enrolled_at,
    completed_at,
    score,
    passed,
    import_id
from raw_training
qualify row_number() over (partition by person_id, lower(course), enrolled_at, completed_at order by import_id, line) = 1
