-- Settings the views read, with their defaults. The app writes configured values over these at start;
-- the Admin page changes them (audited).
insert into setting (key, value) values
    ('min_group_size', '5'),      -- Privacy:MinGroupSize, never below 3
    ('go_live_month', null),      -- organisation go-live (yyyy-mm-01); null = first month with usage data
    ('valley_threshold', '0.25'); -- early warning when usage falls this far below the novelty peak
