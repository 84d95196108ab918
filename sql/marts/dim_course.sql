-- The courses seen in LMS exports, with the level most often recorded for them.
-- grain: one row per course
select course, mode(level) as level, count(*) as enrolments
from stg_training__enrolment
group by course
