create schema if not exists referrals;

-- The authorities directory: organisations, not people; INTERNAL data, stored in clear.
create table referrals.authority (
    id                 uuid primary key,
    name               text        not null,
    kind               text        not null check (kind in ('POLICE', 'MINISTRY', 'UN_BODY', 'EMBASSY', 'INTERNATIONAL_BODY', 'OTHER')),
    language           text        not null check (language in ('sq', 'en', 'fa')),
    postal_address     text        not null,
    email              text        not null,
    ack_deadline_days  int         not null check (ack_deadline_days between 1 and 365),
    active             boolean     not null default true,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            int         not null default 0
);

-- One counter per year for reference numbers such as KL-REF-2026-0001.
create table referrals.reference_counter (
    year  int primary key,
    last  int not null
);

create table referrals.referral (
    id               uuid primary key,
    reference        text        not null unique,
    authority_id     uuid        not null references referrals.authority (id),
    state            text        not null check (state in ('DRAFT', 'APPROVED', 'DISPATCHED', 'ACKNOWLEDGED', 'OVERDUE')),
    created_by       text        not null,
    created_at       timestamptz not null,
    approved_by      text,
    approved_at      timestamptz,
    -- The packet PDF is CONFIDENTIAL: sealed under the referral's own data key, digest kept for checks.
    key_id           uuid,
    packet           bytea,
    packet_sha256    char(64),
    dispatch_channel text check (dispatch_channel in ('EMAIL', 'BY_HAND')),
    dispatched_at    timestamptz,
    due_at           timestamptz,
    their_reference  text,
    acknowledged_on  date,
    acknowledged_by  text,
    overdue_since    timestamptz,
    version          int         not null default 0
);

create index referral_state_idx on referrals.referral (state, due_at);

create table referrals.referral_message (
    referral_id  uuid not null references referrals.referral (id),
    message_id   uuid not null,
    position     int  not null,
    primary key (referral_id, message_id)
);

-- At most one dispatch per referral, whatever happens: the primary key is the exactly-once guard (S19).
create table referrals.dispatch (
    referral_id    uuid        primary key references referrals.referral (id),
    channel        text        not null check (channel in ('EMAIL', 'BY_HAND')),
    dispatched_at  timestamptz not null,
    dispatched_by  text        not null,
    packet_sha256  char(64)    not null,
    mail_to        text,
    note           bytea
);
