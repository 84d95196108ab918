-- The warehouse's tables: bookkeeping (settings, imports, audit), the pseudonymous person registry,
-- one raw table per source (what importers land, pseudonymised, typed, tagged with import_id so an
-- import can be undone exactly), and the static dimensions whose benchmarks come from the seed article.
-- No table holds a name or an e-mail address: people are person_id -> person_key (HMAC of the e-mail).

create table setting (
    key        varchar primary key,
    value      varchar,
    updated_at timestamp not null default now()
);

create sequence import_id_seq start 1;

-- one row per import attempt (loaded, rejected, already_imported, undone)
create table import_history (
    import_id     integer primary key,
    file_name     varchar not null,
    source        varchar,
    format        varchar,          -- template or the vendor export it was read as
    content_hash  varchar not null, -- sha-256 of the file's bytes: the same file twice changes nothing
    status        varchar not null,
    rows_read     integer not null default 0,
    rows_loaded   integer not null default 0,
    rows_rejected integer not null default 0,
    duplicates    integer not null default 0,
    message       varchar,
    imported_by   varchar not null,
    started_at    timestamp not null,
    finished_at   timestamp not null,
    duration_ms   integer not null
);

-- one row per rejected value; person columns never keep their value
create table import_rejected_row (
    import_id   integer not null,
    line        integer not null,
    column_name varchar,
    value       varchar,
    reason      varchar not null
);

-- one row per audited action: sign-in, upload, export, undo, settings change
create table audit_log (
    occurred_at    timestamp not null,
    actor          varchar not null,
    action         varchar not null,
    detail         varchar,
    remote_address varchar
);

create sequence person_id_seq start 1;

-- one row per person ever seen in any source; person_key = HMAC-SHA256(site secret, lower(trim(e-mail)))
create table person (
    person_id       integer primary key,
    person_key      varchar not null unique,
    first_import_id integer not null
);

-- roster (HR): one row per person per roster import; the newest import describes the person
create table raw_roster (
    import_id    integer not null,
    line         integer not null,
    person_id    integer not null,
    department   varchar not null,
    role         varchar not null,  -- employee / manager / leadership
    champion     boolean not null,
    target_group boolean not null,
    rollout_date date
);

-- usage (system logs): one row per person x day x tool x feature per import
create table raw_usage (
    import_id      integer not null,
    person_id      integer not null,
    usage_date     date not null,
    tool           varchar not null,
    feature        varchar not null,  -- '' when the log has no feature
    events         integer not null,
    active_minutes decimal(12, 2),
    actions        integer
);

-- training (LMS): one row per person x course enrolment/completion
create table raw_training (
    import_id    integer not null,
    line         integer not null,
    person_id    integer not null,
    course       varchar not null,
    level        varchar,           -- basic / advanced / expert
    enrolled_at  date,
    completed_at date,
    score        decimal(8, 2),
    passed       boolean
);

-- survey: one row per response, and one per answer
create table raw_survey_response (
    import_id    integer not null,
    line         integer not null,
    survey       varchar not null,
    response_id  varchar not null,
    submitted_at timestamp not null,
    person_id    integer,           -- null for anonymous surveys
    department   varchar
);

create table raw_survey_answer (
    import_id   integer not null,
    survey      varchar not null,
    response_id varchar not null,
    question    varchar not null,   -- the question text as the survey tool exported it
    answer      decimal(6, 2) not null
);

-- the analyst's (or the keyword default's) mapping of a survey question to a construct, remembered per survey
create table survey_question (
    survey        varchar not null,
    question      varchar not null,
    construct     varchar not null, -- a dim_construct code, or 'unmapped'
    reverse_keyed boolean not null default false,
    mapped_by     varchar not null, -- 'keywords' or the analyst who confirmed it
    mapped_at     timestamp not null,
    primary key (survey, question)
);

-- change activities: one row per participant, or one per activity with a participant count
create table raw_activity (
    import_id          integer not null,
    line               integer not null,
    activity_date      date not null,
    activity_type      varchar not null,
    title              varchar not null,
    phase              integer,
    department         varchar,
    person_id          integer,
    participants_count integer,
    hours              decimal(8, 2)
);

-- business metrics: one row per month x department x metric
create table raw_business_metric (
    import_id  integer not null,
    line       integer not null,
    period     date not null,       -- first day of the month
    department varchar not null,
    metric     varchar not null,    -- hours_saved / error_rate / cost / csat
    value      decimal(18, 4) not null
);

-- ideas (innovation): one row per idea
create table raw_idea (
    import_id    integer not null,
    line         integer not null,
    submitted_at date not null,
    departments  varchar[] not null,
    title        varchar not null,
    status       varchar not null   -- submitted / in_review / implemented / rejected
);

-- support tickets: one row per ticket
create table raw_support_ticket (
    import_id  integer not null,
    line       integer not null,
    ticket_id  varchar,
    created_at timestamp not null,
    department varchar not null,
    category   varchar not null,
    ai_related boolean not null
);

-- maturity assessments: one row per department per assessment
create table raw_maturity_assessment (
    import_id   integer not null,
    line        integer not null,
    assessed_at date not null,
    department  varchar not null,
    stage       integer,            -- 1..5 as assessed, or null when derived from item scores
    item_mean   decimal(6, 2)       -- mean of 1..5 item scores, when given
);

-- one row per day, 2015..2040
create table dim_date as
select
    d::date                                            as date_day,
    date_trunc('month', d)::date                       as month,
    year(d) || 'Q' || quarter(d)                       as quarter,
    date_trunc('quarter', d)::date                     as quarter_start,
    year(d)                                            as year,
    isoyear(d)                                         as iso_year,
    week(d)                                            as iso_week,
    date_trunc('week', d)::date                        as week_start,
    isodow(d)                                          as iso_day_of_week,
    isodow(d) <= 5                                     as is_workday
from range(date '2015-01-01', date '2041-01-01', interval 1 day) t(d);

-- one row per checkpoint: month index ranges relative to go-live (go-live month = month 1)
create table dim_checkpoint (
    checkpoint  varchar primary key,
    month_from  integer not null,
    month_to    integer not null,
    label_en    varchar not null,
    label_nl    varchar not null,
    sort_order  integer not null
);
insert into dim_checkpoint values
    ('baseline',   -2,   0, 'Baseline (before go-live)',        'Nulmeting (voor livegang)',         1),
    ('early',       1,   3, 'Early effect (months 1-3)',        'Vroege effectmeting (maand 1-3)',   2),
    ('mid',         4,   6, 'Mid-term evaluation (month 6)',    'Evaluatie middellange termijn (6 mnd)', 3),
    ('monitoring',  7,  11, 'Continuous monitoring (months 7-11)', 'Continue monitoring (maand 7-11)', 4),
    ('long',       12, 999, 'Long-term (12+ months)',           'Langetermijnmeting (12+ maanden)',  5);

-- one row per maturity stage; benchmark: Fraunhofer IAO 2025, >300 SMEs (seed article)
create table dim_maturity_stage (
    stage           integer primary key,
    name_en         varchar not null,
    name_nl         varchar not null,
    description_en  varchar not null,
    description_nl  varchar not null,
    benchmark_share decimal(4, 2) not null
);
insert into dim_maturity_stage values
    (1, 'Exploration', 'Exploratie',
        'Individual use cases, isolated applications, building experience',
        'Individuele use cases, geïsoleerde toepassingen, focus op ervaringsopbouw', 0.47),
    (2, 'Operational integration', 'Operationele integratie',
        'Integrated into existing processes, first measurable efficiency gains',
        'Integratie in bestaande processen, eerste meetbare efficiëntiewinsten', 0.28),
    (3, 'Strategic alignment', 'Strategische uitlijning',
        'Systematic prioritisation of AI potential, cross-departmental use',
        'Systematische identificatie en prioritering van AI-potentieel, afdelingsoverschrijdend gebruik', 0.19),
    (4, 'Transformative use', 'Transformatief gebruik',
        'AI enables new business models and a fundamental redesign of processes',
        'AI als enabler voor nieuwe businessmodellen en fundamenteel herontwerp van processen', 0.05),
    (5, 'AI-native organisation', 'AI-native organisatie',
        'AI is part of every business process and strategic decision',
        'AI als integraal bestanddeel van alle bedrijfsprocessen en strategische beslissingen', 0.01);

-- one row per resistance type; shares and approaches from the seed article
create table dim_resistance_type (
    type                    varchar primary key,
    construct               varchar not null, -- the survey construct that measures this concern
    name_en                 varchar not null,
    name_nl                 varchar not null,
    core_concern_en         varchar not null,
    core_concern_nl         varchar not null,
    benchmark_share         decimal(4, 2) not null,
    recommended_approach_en varchar not null,
    recommended_approach_nl varchar not null
);
insert into dim_resistance_type values
    ('competence', 'concern_competence', 'Competence-worried', 'De competentiebezorgde',
        'I cannot learn or understand this.', 'Ik kan dit niet leren/begrijpen.', 0.37,
        'Low-threshold ways in, step-by-step competence building.',
        'Laagdrempelige instapopties, stapsgewijze competentieontwikkeling.'),
    ('status', 'concern_status', 'Status-threatened', 'De statusbedreigde',
        'AI makes my job or expertise redundant.', 'AI maakt mijn baan/expertise overbodig.', 0.24,
        'Reposition the role; present AI as an assistant, not a replacement.',
        'Herpositionering van de rol, benadrukken van AI als assistent, niet als vervanging.'),
    ('control', 'concern_control', 'Loss of control', 'De controleverliezer',
        'I lose control over my work and decisions.', 'Ik verlies controle over mijn werk/beslissingen.', 0.22,
        'Transparent AI systems, clear responsibilities, involvement in configuration decisions.',
        'Transparantie van AI-systemen, duidelijke verantwoordelijkheidsstructuren, betrokkenheid bij configuratiebeslissingen.'),
    ('ethics', 'concern_ethics', 'Ethically concerned', 'De ethisch bezorgde',
        'AI threatens values and principles that matter to me.', 'AI bedreigt waarden/principes die belangrijk voor me zijn.', 0.17,
        'Ethical frameworks, transparency, involvement in governance.',
        'Ethische kaders, transparantie, betrokkenheid bij governance-processen.');

-- one row per survey construct a question can measure
create table dim_construct (
    construct varchar primary key,
    scale     varchar not null,  -- likert5 (1..5, 5 = most agreement) or nps (0..10)
    polarity  varchar not null,  -- positive: higher is better; concern: higher is more worry
    label_en  varchar not null,
    label_nl  varchar not null
);
insert into dim_construct values
    ('satisfaction',          'likert5', 'positive', 'Satisfaction with AI tools',     'Tevredenheid met AI-systemen'),
    ('trust',                 'likert5', 'positive', 'Trust in AI results',             'Vertrouwen in AI-resultaten'),
    ('usefulness',            'likert5', 'positive', 'Perceived usefulness',            'Waargenomen nut'),
    ('ease_of_use',           'likert5', 'positive', 'Ease of use',                     'Gebruiksgemak'),
    ('recommend',             'nps',     'positive', 'Would recommend (NPS)',           'Aanbevelingsbereidheid (NPS)'),
    ('competence_self',       'likert5', 'positive', 'Self-assessed AI competence',     'Zelfbeoordeling AI-competentie'),
    ('concern_competence',    'likert5', 'concern',  'Worry: cannot learn it',          'Zorg: kan het niet leren'),
    ('concern_status',        'likert5', 'concern',  'Worry: job or status at risk',    'Zorg: baan of status in gevaar'),
    ('concern_control',       'likert5', 'concern',  'Worry: losing control',           'Zorg: controleverlies'),
    ('concern_ethics',        'likert5', 'concern',  'Worry: ethics and values',        'Zorg: ethiek en waarden'),
    ('culture_error',         'likert5', 'positive', 'Constructive error culture',      'Constructieve foutencultuur'),
    ('culture_participation', 'likert5', 'positive', 'Participation',                   'Participatie'),
    ('culture_experiment',    'likert5', 'positive', 'Willingness to experiment',       'Experimenteerzin'),
    ('culture_transparency',  'likert5', 'positive', 'Transparent communication',       'Transparante communicatie'),
    ('maturity',              'likert5', 'positive', 'Perceived AI maturity',           'Ervaren AI-volwassenheid');

-- one row per change-activity type (seed article, phases 1-4)
create table dim_activity_type (
    activity_type varchar primary key,
    label_en      varchar not null,
    label_nl      varchar not null,
    typical_phase integer not null
);
insert into dim_activity_type values
    ('communication',   'Communication',                 'Communicatie',                 1),
    ('ai_breakfast',    'AI breakfast / lunch-and-learn', 'AI-ontbijt / lunch-and-learn', 1),
    ('experience_day',  'AI experience day',             'AI-ervaringsdag',              1),
    ('workshop',        'Workshop',                      'Workshop',                     2),
    ('co_creation',     'Co-creation workshop',          'Co-creatieworkshop',           2),
    ('demo',            'On-site demonstration',         'Demonstratie op locatie',      2),
    ('buddy',           'Buddy system',                  'Buddy-systeem',                2),
    ('training',        'Training',                      'Training',                     3),
    ('office_hours',    'AI office hours',               'AI-spreekuur',                 3),
    ('qa_session',      'Q&A session',                   'Q&A-sessie',                   3),
    ('champion_meetup', 'Champion meet-up',              'Champion-bijeenkomst',         3);
