-- kpi: nps
-- dimension: acceptance
-- label_en: Recommendation (NPS)
-- label_nl: Aanbevelingsbereidheid (NPS)
-- unit: nps_points
-- direction: higher_better
-- indicator: leading
-- target: 20
-- amber: 0
-- order: 12
-- coverage: survey
-- scale: 100
-- source: survey:recommend
-- definition: share of respondents scoring 9-10 minus share scoring 0-6 on 'would you recommend', in points (-100..100)
-- grain: one row per survey wave month (survey_wave) x department (and 'All'); suppressed below MinGroupSize (survey_cell_protected)
select
    'acceptance'            as dimension,
    'nps'                   as kpi,
    wave                    as month,
    department,
    'All'                   as tool,
    value,
    numerator,
    denominator,
    suppressed
from survey_cell_protected
where cell_kind = 'month' and construct = 'recommend'
