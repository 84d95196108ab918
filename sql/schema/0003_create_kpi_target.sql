-- Targets an organisation sets for itself, over the defaults in each KPI's file header.
-- grain: one row per kpi x department ('All' = every department without its own row)
-- status in kpi_matrix: green when the value meets target, amber when it meets amber, else red
-- (for lower_better KPIs "meets" means at or below).
create table kpi_target (
    kpi        varchar not null,
    department varchar not null default 'All',
    target     double not null,
    amber      double not null,
    updated_at timestamp not null default now(),
    primary key (kpi, department)
);
