-- kpi: support_tickets_per_100
-- dimension: competence
-- label_en: AI support tickets per 100 active users
-- label_nl: AI-supportvragen per 100 actieve gebruikers
-- unit: per_100
-- direction: lower_better
-- indicator: lagging
-- target: 10
-- amber: 20
-- order: 8
-- coverage: usage
-- scale: 100
-- definition: AI-related helpdesk tickets created in the month x 100 / active target-group users in the month (falling = support need declining)
-- grain: one row per month of dim_month x department (and 'All'); no value in months without active users
with tickets as (
    select month, coalesce(department, 'All') as department, count(*) as tickets
    from fct_support_ticket
    where ai_related
    group by grouping sets ((month, department), (month))
)
select
    'competence'                                                    as dimension,
    'support_tickets_per_100' as kpi,
    a.month,
    a.department,
    'All'                                                           as tool,
    100.0 * coalesce(t.tickets, 0) / nullif(a.active_people, 0)     as value,
    coalesce(t.tickets, 0)                                          as numerator,
    a.active_people                                                 as denominator
from agg_usage_department_monthly a
left join tickets t using (month, department)
where a.tool = 'All'
