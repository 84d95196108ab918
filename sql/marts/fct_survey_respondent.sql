-- Each respondent's score on each construct: the mean of their answers to the construct's items (reverse-keyed
-- items already turned), with the NPS category for 'recommend' (promoter 9-10, detractor 0-6).
-- grain: one row per survey x response_id x construct (mapped constructs only)
select
    survey,
    response_id,
    wave,
    quarter,
    department,
    person_id,
    construct,
    scale,
    avg(answer)::double                                         as score,
    count(*)                                                    as items,
    construct = 'recommend' and avg(answer) >= 9                as promoter,
    construct = 'recommend' and avg(answer) <= 6                as detractor
from fct_survey_answer
where construct <> 'unmapped'
group by survey, response_id, wave, quarter, department, person_id, construct, scale
