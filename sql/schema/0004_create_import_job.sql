-- The import queue: uploads, inbox files and API calls wait here for the import job. It survives a restart:
-- queued and running jobs are picked up again (the content hash and the one-transaction import make a retry safe).
-- grain: one row per file handed in
create sequence import_job_id_seq start 1;
create table import_job (
    job_id       integer primary key,
    file_path    varchar not null,  -- the stored copy under the data folder's uploads/ (or inbox/)
    file_name    varchar not null,  -- the name the analyst gave the file
    origin       varchar not null,  -- upload / inbox / api
    options      varchar not null,  -- JSON: source, locale, tool, survey, course
    requested_by varchar not null,
    state        varchar not null,  -- queued / running / done / failed / cancelled
    import_id    integer,           -- the import_history row it produced
    summary      varchar,           -- the summary JSON of DESIGN.md
    message      varchar,
    created_at   timestamp not null,
    started_at   timestamp,
    finished_at  timestamp
);

-- Undo: the import's rows are gone, its history row stays and says who undid it when.
alter table import_history add column undone_at timestamp;
alter table import_history add column undone_by varchar;
