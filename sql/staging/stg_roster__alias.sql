-- The other identities of the roster's people (UPN, another address, employee number, GitHub login) as alias keys,
-- from the roster import that describes each person (the newest, as in stg_roster__person): a newer roster without
-- such a column drops the identities an older one gave.
-- grain: one row per person_id x kind x alias_key
-- Reads raw tables only: a backup recreates views in name order, and stg_roster__person comes after this one.
select distinct
    a.person_id,
    a.kind,
    a.alias_key
from raw_roster_alias a
semi join (select person_id, max(import_id) as import_id from raw_roster group by person_id) newest using (person_id, import_id)
