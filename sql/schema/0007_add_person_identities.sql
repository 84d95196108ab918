-- One person across tools, and leavers. Tools know people by different keys (work e-mail, UPN, GitHub login, employee
-- number, a secondary address); a roster may carry them as extra columns. Each is an alias key of the roster person:
-- alias_key = HMAC-SHA256(site secret, kind || ':' || normalised value), never the value itself. A value in another
-- source's person column gets the alias keys it may be (by the column's kind), so that a mart can join it to the roster
-- whichever was imported first, and undoing the roster undoes the join.

-- grain: one row per roster person x identity kind per roster import (the newest import describes a person)
create table raw_roster_alias (
    import_id integer not null,
    person_id integer not null,  -- the roster person (keyed by their e-mail, else their UPN)
    kind      varchar not null,  -- upn / email (another address) / employee_id / github
    alias_key varchar not null
);

-- grain: one row per person x identity kind: what the value behind a person's key may also be. A value in a GitHub
-- export's login column is a github login (declared by its column); one in a generic user column may be an address or
-- UPN (with '@'), else a login or an employee number. Kept while the person is.
create table person_alias_candidate (
    person_id       integer not null,
    kind            varchar not null,
    alias_key       varchar not null,
    declared        boolean not null,  -- an export's column said the value is of this kind
    first_import_id integer not null
);

-- The roster person's key: their e-mail, or ('upn') the UPN of an account without a mailbox.
alter table raw_roster add column key_kind varchar default 'email';

-- The day a person leaves (or left): from a leaving-date column, else, for a person the export marks as gone
-- (accountEnabled False, "Uit dienst", Inactive) without a date, the day of the first roster import that said so.
-- They are out of the target group from that month on.
alter table raw_roster add column left_on date;
