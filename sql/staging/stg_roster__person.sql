-- The roster as it stands: each person as the newest roster import describes them.
-- grain: one row per person_id (rosters are snapshots; the newest import wins)
-- key_kind: what the person's key is, 'email' or 'upn' (an account without a mailbox); left_on: the day they leave or left.
select
    person_id,
    department,
    role,
    champion,
    target_group,
    rollout_date,
    key_kind,
    left_on,
    import_id
from raw_roster
qualify row_number() over (partition by person_id order by import_id desc, line) = 1
