-- kpi: self_assessed_competence
-- dimension: competence
-- label_en: Self-assessed AI competence
-- label_nl: Zelfbeoordeling AI-competentie
-- unit: score_1_5
-- direction: higher_better
-- indicator: leading
-- target: 3.5
-- amber: 3.0
-- order: 6
-- coverage: survey
-- source: survey:competence_self
-- definition: mean of respondents' self-assessed AI competence (1-5; a respondent's score is the mean of their items)
-- grain: one row per survey wave month (survey_wave) x department (and 'All'); suppressed below MinGroupSize (survey_cell_protected)
select
    'competence'            as dimension,
    'self_assessed_competence' as kpi,
    wave                    as month,
    department,
    'All'                   as tool,
    value,
    numerator,
    denominator,
    suppressed
from survey_cell_protected
where cell_kind = 'month' and construct = 'competence_self'
