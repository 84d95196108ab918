-- Change activities and adoption (seed: "correlatieanalyse tussen verandermanagementactiviteiten en gebruiksindicatoren"):
-- do departments adopt more in the months they get more of an activity, and do people who took part adopt more
-- than people who did not? Correlation is not causation: the page says so, this view reports the numbers and their n.
-- grain: one row per activity type (of dim_activity_type that occurs in fct_activity_participation) x lag_months (0, 1)
-- unit of the correlation: a department x month of activity_exposure_units (one row per activity type x department
--   x month from the department's first go-live month on), which defines exposure (participants per target-group
--   person), adoption (active target-group people / target-group people) and adoption_next_month. Lag 0 pairs
--   exposure with adoption, lag 1 with adoption_next_month; a unit without that value (the end of the data, a month
--   without usage data after it) does not count.
-- r: Pearson correlation of exposure and adoption over the units; n_units: units with both values; r is NULL when it
--   is undefined (fewer than 2 units, or exposure or adoption the same in every unit).
-- slope, intercept: the least-squares line adoption = intercept + slope x exposure over the same units (the trend
--   line of the page's scatter); NULL when r is NULL.
-- ci_low, ci_high: 95 % interval by Fisher z: tanh(atanh(r) -/+ 1.959964 / sqrt(n_units - 3)); NULL when
--   n_units < 4, r is NULL or |r| = 1.
-- participant person-month: a target-group person's month with month_index >= 1 in or after the first month the
--   person took part in an activity of the type; every other such month is a non-participant person-month. Its
--   outcome is whether the person was active lag_months later; a person-month without that later month in
--   fct_person_month does not count (participant_months and non_participant_months count those that do).
-- adoption_participants: share of participant person-months with an active outcome; adoption_non_participants: the
--   same for non-participant person-months; uplift: adoption_participants - adoption_non_participants (a difference
--   of shares, not a ratio). All three NULL for a type without person-level participants in the target group
--   (communication): its participant_months is 0 and non_participant_months counts every person-month.
-- unit: r -1..1; slope: adoption per unit of exposure; intercept: fraction; adoption_participants, adoption_non_participants, uplift: fraction 0..1
-- materialise: table
--   (22 rows over every person-month: ~50-100 ms as a view at the large scale, more on a busy machine and ten times
--   that at stress; as a table it is rebuilt once per import.)
with activity_types as (
    select activity_type, label_en, label_nl
    from dim_activity_type
    where activity_type in (select activity_type from fct_activity_participation)
),
lags as (
    select unnest([0, 1]) as lag_months
),
unit_values as (
    -- the department-months and their exposure and adoption: see activity_exposure_units
    select
        u.activity_type,
        l.lag_months,
        u.exposure,
        case l.lag_months when 0 then u.adoption else u.adoption_next_month end as adoption
    from activity_exposure_units u
    cross join lags l
),
correlation as (
    select
        activity_type,
        lag_months,
        count(adoption)                     as n_units,
        corr(exposure, adoption)            as r,
        regr_slope(adoption, exposure)      as slope,
        regr_intercept(adoption, exposure)  as intercept
    from unit_values
    group by all
),
correlation_defined as (
    select
        activity_type,
        lag_months,
        n_units,
        case when not isnan(r) then r end                     as r,
        case when not isnan(r) then slope end                 as slope,
        case when not isnan(r) then intercept end             as intercept
    from correlation
),
first_participation as (
    select activity_type, person_id, min(month) as first_month
    from fct_activity_participation
    where person_id is not null
    group by all
),
person_outcomes as (
    select p.person_id, p.month, l.lag_months, later.active
    from fct_person_month p
    cross join lags l
    join fct_person_month later
        on later.person_id = p.person_id and later.month = (p.month + to_months(l.lag_months))::date
    where p.month_index >= 1
),
all_outcomes as (
    select lag_months, count(*) as person_months, count(*) filter (where active) as active_months
    from person_outcomes
    group by all
),
participant_outcomes as (
    select f.activity_type, o.lag_months, count(*) as person_months, count(*) filter (where o.active) as active_months
    from person_outcomes o
    join first_participation f on f.person_id = o.person_id and f.first_month <= o.month
    group by all
),
comparison as (
    select
        l.lag_months,
        t.activity_type,
        coalesce(p.person_months, 0)                                          as participant_months,
        a.person_months - coalesce(p.person_months, 0)                        as non_participant_months,
        p.active_months / p.person_months                                     as adoption_participants,
        case when p.person_months > 0 then (a.active_months - p.active_months)
            / nullif(a.person_months - p.person_months, 0) end                as adoption_non_participants
    from activity_types t
    cross join lags l
    left join all_outcomes a on a.lag_months = l.lag_months
    left join participant_outcomes p on p.activity_type = t.activity_type and p.lag_months = l.lag_months
)
select
    t.activity_type,
    t.label_en,
    t.label_nl,
    l.lag_months,
    coalesce(c.n_units, 0)                                                    as n_units,
    c.r,
    case when c.n_units >= 4 and abs(c.r) < 1
        then tanh(atanh(c.r) - 1.959964 / sqrt(c.n_units - 3)) end          as ci_low,
    case when c.n_units >= 4 and abs(c.r) < 1
        then tanh(atanh(c.r) + 1.959964 / sqrt(c.n_units - 3)) end          as ci_high,
    coalesce(p.participant_months, 0)                                         as participant_months,
    coalesce(p.non_participant_months, 0)                                     as non_participant_months,
    p.adoption_participants::double                                           as adoption_participants,
    p.adoption_non_participants::double                                       as adoption_non_participants,
    (p.adoption_participants - p.adoption_non_participants)::double           as uplift,
    c.slope::double                                                           as slope,
    c.intercept::double                                                       as intercept
from activity_types t
cross join lags l
left join correlation_defined c on c.activity_type = t.activity_type and c.lag_months = l.lag_months
left join comparison p on p.activity_type = t.activity_type and p.lag_months = l.lag_months
