-- Which raw_usage row counts for its person x day x tool x feature: the earliest import's. Decided when a file is
-- imported (and again when an import is undone) so that fct_usage_daily is a filter instead of a window over every
-- usage row ever loaded, which cost more than half a second per million rows on every usage import.
-- grain: unchanged, one row per person x day x tool x feature per import
-- Not declared NOT NULL: DuckDB cannot add that constraint after the update in the same migration; every insert sets it.
alter table raw_usage add column counted boolean default true;

update raw_usage u
set counted = u.import_id = f.first_import_id
from (
    select person_id, usage_date, tool, feature, min(import_id) as first_import_id
    from raw_usage
    group by person_id, usage_date, tool, feature
) f
where u.person_id = f.person_id and u.usage_date = f.usage_date and u.tool = f.tool and u.feature = f.feature;
