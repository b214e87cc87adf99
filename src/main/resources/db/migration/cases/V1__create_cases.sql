create schema if not exists cases;

-- One case per person who left the group. In clear only what work lists, deadlines and anonymous reports need
-- (ids, reference, caseworker of record and team, state, risk level, vulnerability categories, dates); what
-- the person said, where they live, how to reach them, their health and the safety plan are RESTRICTED and
-- sealed under the case's own data key (key_id), so shredding that key erases the whole case.
create sequence cases.reference_seq;

create table cases.case_file (
    id              uuid primary key,
    reference       text        not null unique,
    person_id       uuid        not null,
    key_id          uuid        not null,
    caseworker      text        not null,
    team            text,
    state           text        not null check (state in ('OPEN', 'CLOSED')),
    risk_level      text        not null default 'HIGH' check (risk_level in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    vulnerabilities text[]      not null default '{}',
    -- RESTRICTED, sealed (context "cases.<field>:<case id>")
    safety_plan     bytea,
    needs           bytea,
    whereabouts     bytea,
    contact         bytea,
    health          bytea,
    opened_at       timestamptz not null,
    closed_at       timestamptz,
    closure_reason  text check (closure_reason in ('SELF_RELIANT', 'RESETTLED', 'RETURNED_TO_FAMILY', 'LOST_CONTACT',
                                                   'TRANSFERRED', 'DECEASED', 'OTHER')),
    closure_note    bytea,
    reopened_at     timestamptz,
    version         int         not null default 0
);
create unique index case_file_one_open_per_person on cases.case_file (person_id) where state = 'OPEN';
create index case_file_caseworker on cases.case_file (caseworker, state);
create index case_file_team on cases.case_file (team, state);

-- The night of the escape: when (clear, for the per-year report), and, sealed, where they left from, how they
-- reached safety and who reported it.
create table cases.departure (
    case_id     uuid primary key references cases.case_file (id),
    departed_on date        not null,
    recorded_at timestamptz not null,
    recorded_by text        not null,
    details     bytea       not null
);

-- Templates for the departure notifications, edited by the administrator: INTERNAL text with placeholders
-- such as {name_latin}, never personal data. One per kind of authority; the language is the one the
-- authority reads, the deadline counts from the moment the departure is recorded.
create table cases.notification_template (
    authority_kind text primary key check (authority_kind in ('POLICE', 'MINISTRY', 'UN_BODY', 'EMBASSY',
                                                              'INTERNATIONAL_BODY', 'OTHER')),
    language       text        not null check (language in ('sq', 'en', 'fa')),
    deadline_hours int         not null check (deadline_hours between 1 and 720),
    subject        text        not null,
    body           text        not null,
    enabled        boolean     not null default true,
    updated_at     timestamptz not null,
    updated_by     text        not null,
    version        int         not null default 0
);

-- One notification per case and authority, sent as a referral of the referrals module (referral_id); its
-- state follows that referral's events. escalated_at: the deadline passed before dispatch and the supervisors
-- were alerted.
create table cases.notification (
    id              uuid primary key,
    case_id         uuid        not null references cases.case_file (id),
    authority_id    uuid        not null,
    authority_kind  text        not null,
    referral_id     uuid unique,
    state           text        not null check (state in ('DRAFTED', 'DISPATCHED', 'ACKNOWLEDGED', 'CANCELLED')),
    created_at      timestamptz not null,
    due_at          timestamptz not null,
    dispatched_at   timestamptz,
    acknowledged_at timestamptz,
    escalated_at    timestamptz,
    unique (case_id, authority_id)
);
create index notification_due on cases.notification (state, due_at);

-- Tasks: the first-tasks checklist opened with the case, and any other task. A custom title is sealed.
create table cases.task (
    id         uuid primary key,
    case_id    uuid        not null references cases.case_file (id),
    kind       text        not null check (kind in ('SAFE_HOUSING', 'MEDICAL_CHECK', 'DOCUMENTS', 'LEGAL_ADVICE', 'OTHER')),
    title      bytea,
    due_on     date        not null,
    done_at    timestamptz,
    done_by    text,
    created_at timestamptz not null
);
create index task_open on cases.task (case_id, done_at);

-- Services the person receives. Type, provider organisation, dates, status and outcome are INTERNAL (the
-- anonymous report counts them); notes are sealed.
create table cases.service (
    id         uuid primary key,
    case_id    uuid        not null references cases.case_file (id),
    type       text        not null check (type in ('HOUSING', 'EMPLOYMENT', 'INCOME', 'HEALTH', 'LEGAL_STATUS', 'ASYLUM',
                                                    'DOCUMENTS', 'LANGUAGE_CLASSES', 'PSYCHOSOCIAL')),
    provider   text        not null,
    started_on date,
    ended_on   date,
    status     text        not null check (status in ('PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    outcome    text check (outcome in ('ACHIEVED', 'PARTLY_ACHIEVED', 'NOT_ACHIEVED')),
    notes      bytea,
    created_at timestamptz not null,
    version    int         not null default 0
);
create index service_case on cases.service (case_id);

-- Work and income: the kind and the monthly income (whole euros) in clear for the anonymous report; the
-- employer, which can lead to where the person lives, is sealed.
create table cases.employment (
    id                 uuid primary key,
    case_id            uuid        not null references cases.case_file (id),
    kind               text        not null check (kind in ('EMPLOYED', 'SELF_EMPLOYED', 'TRAINING', 'UNEMPLOYED')),
    employer           bytea,
    started_on         date        not null,
    ended_on           date,
    monthly_income_eur int check (monthly_income_eur between 0 and 1000000),
    created_at         timestamptz not null
);
create index employment_case on cases.employment (case_id);

-- Follow-ups with due dates; what to check and what came of it are sealed. reminded_at: the reminder went out.
create table cases.follow_up (
    id          uuid primary key,
    case_id     uuid        not null references cases.case_file (id),
    due_on      date        not null,
    purpose     bytea       not null,
    outcome     bytea,
    created_by  text        not null,
    created_at  timestamptz not null,
    done_at     timestamptz,
    done_by     text,
    reminded_at timestamptz
);
create index follow_up_due on cases.follow_up (done_at, due_on);

-- Case notes: RESTRICTED, sealed.
create table cases.note (
    id         uuid primary key,
    case_id    uuid        not null references cases.case_file (id),
    author     text        not null,
    written_at timestamptz not null,
    body       bytea       not null
);
create index note_case on cases.note (case_id, written_at);

-- What the person allows Kinlink to disclose about them (consent), or a supervisor's vital-interest decision:
-- RESTRICTED. The level and the dates are in clear so the gate can check them without opening anything; named
-- relatives, the witness and the written reason are sealed. At most one current decision per person: a new
-- one ends the previous (SUPERSEDED), and a withdrawal ends it (WITHDRAWN).
create table cases.legal_basis (
    id          uuid primary key,
    case_id     uuid        not null references cases.case_file (id),
    person_id   uuid        not null,
    basis       text        not null check (basis in ('CONSENT', 'VITAL_INTEREST')),
    level       text        not null check (level in ('NOTHING', 'ALIVE_AND_WELL', 'RECEIVE_MESSAGES', 'RELAY_MESSAGES',
                                                      'SHARE_CONTACT')),
    method      text        not null check (method in ('SIGNED', 'ORAL_WITNESSED', 'SUPERVISOR_DECISION')),
    details     bytea       not null,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    ended_at    timestamptz,
    ended_by    text,
    ended_how   text check (ended_how in ('WITHDRAWN', 'SUPERSEDED')),
    check (basis = 'CONSENT' or method = 'SUPERVISOR_DECISION')
);
create unique index legal_basis_current on cases.legal_basis (person_id) where ended_at is null;

-- Family messages handed to the person, with their consent at that moment (legal_basis_id).
create table cases.message_delivery (
    message_id     uuid primary key,
    case_id        uuid        not null references cases.case_file (id),
    legal_basis_id uuid        not null references cases.legal_basis (id),
    delivered_at   timestamptz not null,
    delivered_by   text        not null
);
