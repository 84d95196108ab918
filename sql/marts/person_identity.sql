-- Which person each pseudonym of the registry counts as. A roster person is themself. Anyone else is the roster person
-- whose identity they are: the value behind their key is that person's UPN, other address, employee number or GitHub
-- login (alias keys of the roster as it stands, person_alias_candidate for the value). So one person on two tools
-- counts once, in their department, whichever of the roster and the tool's export was imported first.
-- grain: one row per person_id of the registry
-- Ambiguity joins nothing: an identity the roster gives to two people names neither of them, and a value that is
-- identities of two roster people (one's GitHub login, another's employee number) stays unknown (ambiguous), unless an
-- export's column declared what the value is (a GitHub export's login): then those kinds decide.
-- matched_by: how the person joins the roster: 'email' or 'upn' (their own key, the roster's e-mail or UPN), else the
-- identity kind ('upn', 'other_email', 'employee_id', 'github'); null when they are in no roster.
with roster as (
    select person_id, key_kind from stg_roster__person
),
usable_alias as (
    select alias_key, any_value(person_id) as roster_person_id, any_value(kind) as kind
    from stg_roster__alias
    group by alias_key
    having count(distinct person_id) = 1
),
candidate_match as (
    select c.person_id, u.roster_person_id, u.kind, c.declared
    from person_alias_candidate c
    join usable_alias u using (alias_key)
    where c.person_id not in (select person_id from roster)
),
deciding as (
    -- the declared kinds' matches when there are any, else every match
    select *
    from candidate_match
    qualify declared or not bool_or(declared) over (partition by person_id)
),
decided as (
    select
        person_id,
        count(distinct roster_person_id)                                                       as roster_people,
        any_value(roster_person_id)                                                            as roster_person_id,
        -- one person through several identities: the most specific names the join
        arg_min(kind, case kind when 'upn' then 1 when 'email' then 2 when 'employee_id' then 3 else 4 end) as kind
    from deciding
    group by person_id
)
select
    p.person_id,
    case
        when r.person_id is not null then p.person_id
        when d.roster_people = 1 then d.roster_person_id
        else p.person_id
    end                                                                                        as resolved_person_id,
    case
        when r.person_id is not null then r.key_kind
        when d.roster_people = 1 then case d.kind when 'email' then 'other_email' else d.kind end
    end                                                                                        as matched_by,
    coalesce(d.roster_people > 1, false)                                                       as ambiguous
from person p
left join roster r using (person_id)
left join decided d using (person_id)
