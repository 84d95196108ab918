-- Course enrolments and completions per person.
-- grain: one row per person_id x course x enrolled_at x completed_at
select
    person_id,
    course,
    level,
    enrolled_at,
    completed_at,
    date_trunc('month', completed_at)::date as completed_month,
    score,
    passed
from stg_training__enrolment
