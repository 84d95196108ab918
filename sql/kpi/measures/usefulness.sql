-- kpi: usefulness
-- dimension: acceptance
-- label_en: Perceived usefulness
-- label_nl: Waargenomen nut
-- unit: score_1_5
-- direction: higher_better
-- indicator: leading
-- target: 4.0
-- amber: 3.5
-- order: 11
-- coverage: survey
-- source: survey:usefulness
-- definition: mean perceived usefulness (1-5; a respondent's score is the mean of their items)
-- grain: one row per survey wave month (survey_wave) x department (and 'All'); suppressed below MinGroupSize (survey_cell_protected)
select
    'acceptance'            as dimension,
    'usefulness'            as kpi,
    wave                    as month,
    department,
    'All'                   as tool,
    value,
    numerator,
    denominator,
    suppressed
from survey_cell_protected
where cell_kind = 'month' and construct = 'usefulness'
