-- kpi: satisfaction
-- dimension: acceptance
-- label_en: Satisfaction with AI tools
-- label_nl: Tevredenheid met AI-systemen
-- unit: score_1_5
-- direction: higher_better
-- indicator: leading
-- target: 4.0
-- amber: 3.5
-- order: 9
-- coverage: survey
-- source: survey:satisfaction
-- definition: mean satisfaction with the AI tools (1-5; a respondent's score is the mean of their items)
-- grain: one row per survey wave month (survey_wave) x department (and 'All'); suppressed below MinGroupSize (survey_cell_protected)
select
    'acceptance'            as dimension,
    'satisfaction'          as kpi,
    wave                    as month,
    department,
    'All'                   as tool,
    value,
    numerator,
    denominator,
    suppressed
from survey_cell_protected
where cell_kind = 'month' and construct = 'satisfaction'
