-- Ideas as the newest idea-management export describes them (status moves on: ideas are snapshots).
-- grain: one row per submitted_at x title
select
    submitted_at,
    departments,
    title,
    status,
    import_id
from raw_idea
qualify row_number() over (partition by submitted_at, lower(title) order by import_id desc, line) = 1
