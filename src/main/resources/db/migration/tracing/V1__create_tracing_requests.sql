create schema if not exists tracing;

-- A family's tracing request. Who is sought and who asks are sealed as one blob under the request's own data
-- key (key_id), bound to the request id; in clear only what the work lists need: state, language, source,
-- dates and the person staff linked. The caseworker's note for the family (only under the person's consent to
-- share contact details) is sealed too. answered_on is a day, so two answers cannot be told apart by the hour.
create table tracing.request (
    id          uuid primary key,
    key_id      uuid        not null,
    state       text        not null check (state in ('OPEN', 'LINKED', 'ANSWERED', 'CLOSED_NOT_FOUND')),
    source      text        not null check (source in ('PORTAL', 'STAFF')),
    language    text        not null,
    details     bytea       not null,
    person_id   uuid,
    received_at timestamptz not null,
    received_on date        not null,
    answered_on date,
    answered_by text,
    note        bytea,
    created_by  text,
    version     int         not null default 0,
    check (state not in ('LINKED', 'ANSWERED') or person_id is not null),
    check (state not in ('ANSWERED', 'CLOSED_NOT_FOUND') or answered_on is not null)
);
create index request_state on tracing.request (state, received_at);
create index request_person on tracing.request (person_id);
