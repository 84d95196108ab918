-- Every KPI per month and department: the contract view behind trends, sparklines and checkpoints.
-- grain: one row per dimension x kpi x month x department (and 'All') x tool ('All' for non-usage KPIs)
-- Each KPI's definition, unit and labels live in its own file under sql/kpi/measures/.
select dimension, kpi, month, department, tool,
       value::double as value, numerator::double as numerator, denominator::double as denominator
from adoption_rate
union all
select dimension, kpi, month, department, tool,
       value::double as value, numerator::double as numerator, denominator::double as denominator
from active_days_per_user
union all
select dimension, kpi, month, department, tool,
       value::double as value, numerator::double as numerator, denominator::double as denominator
from minutes_per_user
union all
select dimension, kpi, month, department, tool,
       value::double as value, numerator::double as numerator, denominator::double as denominator
from features_per_user
