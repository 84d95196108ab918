-- Helpdesk tickets, each once (by ticket_id, else by time, department and category; earliest import wins).
-- grain: one row per ticket
select
    ticket_id,
    created_at,
    department,
    category,
    ai_related,
    import_id
from raw_support_ticket
qualify row_number() over (
    partition by coalesce(ticket_id, created_at::varchar || department || category)
    order by import_id, line) = 1
