-- kpi: trust
-- dimension: acceptance
-- label_en: Trust in AI results
-- label_nl: Vertrouwen in AI-resultaten
-- unit: score_1_5
-- direction: higher_better
-- indicator: leading
-- target: 3.8
-- amber: 3.3
-- order: 10
-- coverage: survey
-- source: survey:trust
-- definition: mean trust in AI results (1-5; a respondent's score is the mean of their items)
-- grain: one row per survey wave month (survey_wave) x department (and 'All'); suppressed below MinGroupSize (survey_cell_protected)
select
    'acceptance'            as dimension,
    'trust'                 as kpi,
    wave                    as month,
    department,
    'All'                   as tool,
    value,
    numerator,
    denominator,
    suppressed
from survey_cell_protected
where cell_kind = 'month' and construct = 'trust'
