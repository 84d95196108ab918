-- kpi: training_participation
-- dimension: competence
-- label_en: Training participation
-- label_nl: Trainingsdeelname
-- unit: share
-- direction: higher_better
-- indicator: leading
-- target: 0.80
-- amber: 0.60
-- order: 5
-- coverage: training
-- definition: target-group people with at least one completed course by the end of the month / target-group people
-- grain: one row per month of dim_month x department (and 'All')
with target_group as (
    select person_id, month, department from fct_target_group_month
),
first_completion as (
    select person_id, min(completed_month) as month from fct_training where completed_at is not null group by person_id
)
select
    'competence'                                                 as dimension,
    'training_participation' as kpi,
    m.month,
    coalesce(t.department, 'All')                                as department,
    'All'                                                        as tool,
    count(f.person_id) filter (where f.month <= m.month) / count(*) as value,
    count(f.person_id) filter (where f.month <= m.month)         as numerator,
    count(*)                                                     as denominator
from dim_month m
join target_group t on t.month = m.month
left join first_completion f using (person_id)
group by grouping sets ((m.month, t.department), (m.month))
