-- What the analyst decided about a survey's waves and department values, remembered per survey, and the gap that
-- separates two waves (DESIGN: a wave is a run of one survey's responses with no gap longer than
-- survey_wave_gap_days). Both tables survive later imports of the same survey: the marts apply them on every refresh.

-- one row per survey x moment at which the analyst split or merged waves
create table survey_wave_edit (
    survey    varchar not null,
    starts_at timestamp not null, -- acts on the gap between the survey's last response before this moment and its first at or after it
    kind      varchar not null,   -- split: a new wave starts at that response; merge: the waves on both sides of that gap are one
    edited_by varchar not null,
    edited_at timestamp not null,
    primary key (survey, starts_at)
);

-- one row per survey x department value the export wrote that the analyst mapped to a roster department
create table survey_department_map (
    survey     varchar not null,
    value      varchar not null,  -- as exported: an answer code (AO01, 2) or a name the roster does not know
    department varchar not null,  -- the roster department its responses count in
    mapped_by  varchar not null,
    mapped_at  timestamp not null,
    primary key (survey, value)
);

insert into setting (key, value) values ('survey_wave_gap_days', '21');
