-- Course enrolments and completions, each once (earliest import wins).
-- grain: one row per person_id x course x enrolled_at x completed_at
-- A score missing on the kept row is taken from another import of the same enrolment (a Moodle completion report
-- and the course's grades export describe the same enrolment; only the grades carry the score).
select
    person_id,
    course,
    level,
    enrolled_at,
    completed_at,
    coalesce(score, max(score) over (partition by person_id, lower(course), enrolled_at, completed_at)) as score,
    passed,
    import_id
from raw_training
qualify row_number() over (partition by person_id, lower(course), enrolled_at, completed_at order by import_id, line) = 1
