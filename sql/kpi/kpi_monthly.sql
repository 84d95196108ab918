-- materialise: table
-- Every KPI per month and department: the contract view behind trends, sparklines and checkpoints.
-- grain: one row per dimension x kpi x month x department (and 'All') x tool ('All' for non-usage KPIs)
-- value = numerator / denominator x the KPI's scale; survey KPIs are suppressed (value, numerator and
-- denominator null) below MinGroupSize. Each KPI's definition, unit and labels live in sql/kpi/measures/<kpi>.sql.
select
    dimension,
    kpi,
    month,
    department,
    tool,
    value::double                        as value,
    numerator::double                    as numerator,
    denominator::double                  as denominator,
    coalesce(suppressed, false)          as suppressed
from (
    select * from adoption_rate
    union all by name
    select * from active_days_per_user
    union all by name
    select * from minutes_per_user
    union all by name
    select * from features_per_user
    union all by name
    select * from training_participation
    union all by name
    select * from self_assessed_competence
    union all by name
    select * from certification_rate
    union all by name
    select * from support_tickets_per_100
    union all by name
    select * from satisfaction
    union all by name
    select * from trust
    union all by name
    select * from usefulness
    union all by name
    select * from nps
    union all by name
    select * from hours_saved_per_fte
    union all by name
    select * from error_rate_change
    union all by name
    select * from cost_change
    union all by name
    select * from csat_change
    union all by name
    select * from use_cases_implemented
    union all by name
    select * from suggestions_submitted
    union all by name
    select * from cross_functional_ideas
    union all by name
    select * from departments_active
)
