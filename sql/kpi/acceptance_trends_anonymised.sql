-- The works council's view: acceptance constructs per quarter and department, all surveys together, anonymised.
-- grain: one row per quarter ('2025Q3') x department (and 'All') x construct
-- value is null when suppressed: fewer than MinGroupSize respondents, or needed so that no suppressed department
-- can be recovered as 'All' minus the visible departments (survey_cell_protected).
select quarter, department, construct, n, value, suppressed
from survey_cell_protected
where cell_kind = 'quarter'
