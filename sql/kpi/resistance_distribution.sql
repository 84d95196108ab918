-- The four resistance types of the seed article among the latest wave's respondents, beside its benchmark
-- (37 % competence-worried, 24 % status-threatened, 22 % loss of control, 17 % ethically concerned).
-- grain: one row per resistance type
-- classification rule: a respondent of the most recent wave of any survey belongs to the type whose concern
--   construct (concern_competence, concern_status, concern_control, concern_ethics) they score highest, when that
--   score is 4 or more ("agree"); ties go to the type listed first in the seed (competence, status, control,
--   ethics). Respondents with no concern at 4 or more are not resistant and are not counted.
-- share = respondents of the type / resistant respondents. Privacy: a type with fewer than MinGroupSize
--   respondents has respondents and share null (suppressed), and so do the smallest other types until the
--   suppressed types together reach MinGroupSize (so no count follows from the total).
with latest_wave as (
    select max(wave) as wave from fct_survey_respondent where construct like 'concern_%'
),
scores as (
    select r.survey, r.response_id, t.type, r.score,
           case t.type when 'competence' then 1 when 'status' then 2 when 'control' then 3 else 4 end as seed_order
    from fct_survey_respondent r
    join dim_resistance_type t on t.construct = r.construct
    where r.wave = (select wave from latest_wave)
),
classified as (
    select survey, response_id, arg_min(type, (-score, seed_order)) as type
    from scores
    group by survey, response_id
    having max(score) >= 4
),
counted as (
    select t.type, t.name_en, t.name_nl, t.core_concern_en, t.core_concern_nl, t.benchmark_share::double as benchmark_share,
           t.recommended_approach_en, t.recommended_approach_nl,
           count(c.response_id) as respondents
    from dim_resistance_type t
    left join classified c using (type)
    group by all
),
protected as (
    select c.*,
           o.min_group_size,
           sum(c.respondents) over () as resistant,
           c.respondents < o.min_group_size as primary_suppressed
    from counted c cross join dim_organisation o
),
ranked as (
    select p.*,
           coalesce(sum(respondents) filter (where primary_suppressed) over (), 0) as suppressed_n,
           count(*) filter (where primary_suppressed) over () as suppressed_types,
           coalesce(sum(respondents) over (partition by primary_suppressed order by respondents, type
                                           rows between unbounded preceding and 1 preceding), 0) as smaller_n
    from protected p
),
decided as (
    select *,
           primary_suppressed
           or (suppressed_types > 0 and suppressed_n < min_group_size and suppressed_n + smaller_n < min_group_size) as suppressed
    from ranked
)
select
    type,
    name_en,
    name_nl,
    core_concern_en,
    core_concern_nl,
    case when not suppressed then respondents end                        as respondents,
    case when not suppressed then respondents / nullif(resistant, 0) end  as share,
    benchmark_share,
    recommended_approach_en                                              as recommended_approach,
    recommended_approach_en,
    recommended_approach_nl,
    suppressed,
    (select wave from latest_wave)                                       as wave
from decided
