-- Survey answers on their construct's scale; reverse-keyed items turned around (likert: 6 - answer,
-- 0-10: 10 - answer) so that a higher value always means more of the construct.
-- grain: one row per survey x response_id x question
select
    a.survey,
    a.response_id,
    r.wave,
    r.quarter,
    r.department,
    r.person_id,
    a.question,
    q.construct,
    c.scale,
    case
        when q.reverse_keyed and c.scale = 'likert5' then 6 - a.answer
        when q.reverse_keyed and c.scale = 'nps'     then 10 - a.answer
        else a.answer
    end                                                   as answer,
    a.answer                                              as answer_as_given
from stg_survey__answer a
join fct_survey_response r using (survey, response_id)
join survey_question q using (survey, question)
left join dim_construct c using (construct)
