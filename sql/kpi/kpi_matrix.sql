-- materialise: table
-- The KPI matrix of the Overview: every KPI at every checkpoint for every department, with target and traffic light.
-- grain: one row per kpi x checkpoint (baseline, early, mid, long, latest) x department (and 'All'); a cell without
--        data has value null and status 'none'
-- checkpoint windows (dim_checkpoint): month index from go-live, a department's from its first go-live, 'All' from the
--   organisation's: baseline -2..0, early 1..3, mid 4..6, long 12+; latest = the KPI's most recent month with data.
-- value = sum(numerator) / sum(denominator) x scale over the window's months (a pooled rate, not a mean of months);
--   survey KPIs come from survey_cell_protected (respondents pooled over the window, suppressed below MinGroupSize).
-- target: kpi_target for the department, else kpi_target for 'All', else the default in the KPI's file header.
-- status: green when the value meets the target, amber when it meets the amber threshold, else red ("meets" is
--   >= for higher_better, <= for lower_better); none without a value, and none at baseline: the baseline is
--   the reference before go-live, not an outcome to judge.
with definition as (
    select * from kpi_definition
),
go_live as (
    select department, first_go_live_month as go_live from dim_department
    union all
    select 'All', go_live_month from dim_organisation
),
monthly as (
    select k.*, datediff('month', g.go_live, k.month) + 1 as month_index
    from kpi_monthly k
    join go_live g using (department)
    where k.tool = 'All'
),
pooled as (
    select m.kpi, c.checkpoint, m.department,
           sum(m.numerator) as numerator, sum(m.denominator) as denominator, false as suppressed,
           min(m.month) as first_month, max(m.month) as last_month
    from monthly m
    join definition d using (kpi)
    join dim_checkpoint c on m.month_index between c.month_from and c.month_to
    where d.source not like 'survey:%' and m.numerator is not null and m.denominator is not null
    group by m.kpi, c.checkpoint, m.department
),
surveyed as (
    select d.kpi, s.checkpoint, s.department, s.numerator, s.denominator, s.suppressed,
           null::date as first_month, null::date as last_month
    from survey_cell_protected s
    join definition d on d.source = 'survey:' || s.construct
    where s.cell_kind = 'checkpoint'
),
latest as (
    select kpi, 'latest' as checkpoint, department, numerator, denominator, suppressed, month as first_month, month as last_month
    from monthly
    where denominator is not null or suppressed
    qualify row_number() over (partition by kpi, department order by month desc) = 1
),
cells as (
    select * from pooled
    union all by name
    select * from surveyed
    union all by name
    select * from latest
),
spine as (
    select d.*, c.checkpoint, c.sort_order as checkpoint_order, dep.department
    from definition d
    cross join (select checkpoint, sort_order from dim_checkpoint where checkpoint <> 'monitoring'
                union all select 'latest', 9) c
    cross join (select department from dim_department union all select 'All') dep
),
valued as (
    select
        s.*,
        x.numerator,
        x.denominator,
        coalesce(x.suppressed, false)                                                   as suppressed,
        x.first_month,
        x.last_month,
        case when x.denominator <> 0 then x.numerator / x.denominator * s.scale end      as computed,
        coalesce(td.target, ta.target, s.target)                                         as goal,
        coalesce(td.amber, ta.amber, s.amber)                                            as amber_goal
    from spine s
    left join cells x using (kpi, checkpoint, department)
    left join kpi_target td on td.kpi = s.kpi and td.department = s.department
    left join kpi_target ta on ta.kpi = s.kpi and ta.department = 'All'
)
select
    dimension,
    kpi,
    label_en,
    label_nl,
    unit,
    direction,
    indicator,
    checkpoint,
    department,
    computed                                                   as value,
    numerator,
    denominator,
    goal                                                       as target,
    amber_goal                                                 as amber,
    case
        when computed is null or checkpoint = 'baseline' then 'none'
        when direction = 'higher_better' and computed >= goal then 'green'
        when direction = 'higher_better' and computed >= amber_goal then 'amber'
        when direction = 'lower_better' and computed <= goal then 'green'
        when direction = 'lower_better' and computed <= amber_goal then 'amber'
        else 'red'
    end                                                        as status,
    suppressed,
    first_month,
    last_month,
    sort_order,
    checkpoint_order
from valued
