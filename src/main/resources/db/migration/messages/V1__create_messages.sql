create schema if not exists messages;

-- Human references such as KL-2026-000123 come from this sequence.
create sequence messages.reference_seq;

-- One family message. Everything the family wrote is sealed as one blob under the message's own data key
-- (key_id); only what staff may see without opening it (reference, state, language, dates, linked person)
-- is in clear. version guards against lost updates (optimistic locking).
create table messages.message (
    id                     uuid primary key,
    reference              text        not null unique,
    status                 text        not null,
    language               text        not null,
    person_id              uuid,
    key_id                 uuid        not null,
    letter                 bytea       not null,
    rejection_reason       bytea,
    received_at            timestamptz not null,
    accepted_at            timestamptz,
    rejected_at            timestamptz,
    translation_started_at timestamptz,
    translated_at          timestamptz,
    approved_at            timestamptz,
    referred_at            timestamptz,
    acknowledged_at        timestamptz,
    delivered_at           timestamptz,
    version                integer     not null default 0
);

create index message_status_received on messages.message (status, received_at desc);
create index message_received on messages.message (received_at desc);

-- Replies between staff and the family, sealed under the message's key. Staff replies carry the author's
-- username; the family's answers carry none.
create table messages.reply (
    id         uuid primary key,
    message_id uuid        not null references messages.message (id),
    direction  text        not null check (direction in ('STAFF', 'FAMILY')),
    author     text,
    body       bytea       not null,
    sent_at    timestamptz not null
);

create index reply_message on messages.reply (message_id, sent_at);
