-- Survey constructs per survey, wave and department, as privacy allows.
-- grain: one row per survey x wave (first day of its first response's month, survey_wave) x department (and 'All') x construct
-- value: Likert constructs the mean 1-5 (5 = most positive; reverse-keyed items turned); recommend the NPS (-100..100).
-- Cells below MinGroupSize, and the cells needed to protect them, have n and value null and suppressed true
-- (survey_cell_protected).
select survey, wave, department, construct, n, value, suppressed
from survey_cell_protected
where cell_kind = 'wave'
