-- Helpdesk tickets with their month.
-- grain: one row per ticket
select
    ticket_id,
    created_at,
    date_trunc('month', created_at)::date as month,
    department,
    category,
    ai_related
from stg_support_ticket
