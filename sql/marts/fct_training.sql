-- Course enrolments and completions per person (the person a learner's identity counts as: person_identity).
-- grain: one row per person_id x course x enrolled_at x completed_at
select
    i.resolved_person_id                    as person_id,
    t.course,
    t.level,
    t.enrolled_at,
    t.completed_at,
    date_trunc('month', t.completed_at)::date as completed_month,
    t.score,
    t.passed
from stg_training__enrolment t
join person_identity i using (person_id)
