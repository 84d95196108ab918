-- Survey constructs aggregated into the cells pages can ask for, BEFORE privacy rules: read survey_cell_protected,
-- never this table, on a page or in an export.
-- grain: one row per cell_kind x survey x wave x quarter x checkpoint x construct x department (and 'All')
-- cell_kind: wave       one survey, one wave (survey_wave; survey_results)
--            month      all surveys, one wave month (kpi_monthly)
--            quarter    all surveys, one quarter (acceptance_trends_anonymised)
--            checkpoint all surveys, one checkpoint window; a department's window counts from its first go-live,
--                       'All' from the organisation's go-live (kpi_matrix)
-- Respondents whose department is not in the roster count in 'All' only.
with respondent as (
    select
        r.*,
        r.department in (select department from dim_department)         as known_department,
        datediff('month', d.first_go_live_month, r.wave) + 1            as department_month_index,
        datediff('month', o.go_live_month, r.wave) + 1                  as organisation_month_index
    from fct_survey_respondent r
    left join dim_department d using (department)
    cross join dim_organisation o
),
measured as (
    select *, promoter::integer as promoter_count, detractor::integer as detractor_count from respondent
)
select 'wave' as cell_kind, survey, wave, null::varchar as quarter, null::varchar as checkpoint, construct,
       coalesce(department, 'All') as department,
       count(*) as n, sum(score) as score_sum, sum(promoter_count) as promoters, sum(detractor_count) as detractors
from measured
group by grouping sets ((survey, wave, construct, department), (survey, wave, construct))
having grouping(department) = 1 or bool_and(known_department)

union all
select 'month', null, wave, null, null, construct, coalesce(department, 'All'),
       count(*), sum(score), sum(promoter_count), sum(detractor_count)
from measured
group by grouping sets ((wave, construct, department), (wave, construct))
having grouping(department) = 1 or bool_and(known_department)

union all
select 'quarter', null, null, quarter, null, construct, coalesce(department, 'All'),
       count(*), sum(score), sum(promoter_count), sum(detractor_count)
from measured
group by grouping sets ((quarter, construct, department), (quarter, construct))
having grouping(department) = 1 or bool_and(known_department)

union all
select 'checkpoint', null, null, null, c.checkpoint, m.construct, m.department,
       count(*), sum(m.score), sum(m.promoter_count), sum(m.detractor_count)
from measured m
join dim_checkpoint c on m.department_month_index between c.month_from and c.month_to
where m.known_department
group by c.checkpoint, m.construct, m.department

union all
select 'checkpoint', null, null, null, c.checkpoint, m.construct, 'All',
       count(*), sum(m.score), sum(m.promoter_count), sum(m.detractor_count)
from measured m
join dim_checkpoint c on m.organisation_month_index between c.month_from and c.month_to
group by c.checkpoint, m.construct
