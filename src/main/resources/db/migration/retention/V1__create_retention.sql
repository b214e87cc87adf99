create schema if not exists retention;

-- One rule per category: a period (amount and unit) or "keep" (amount null). Defaults are documented on the
-- admin page: rejected letters 3 months, unanswered replies 12 months, closed cases 24 months, audit kept.
create table retention.rule (
    category   text primary key check (category in ('REJECTED_SUBMISSIONS', 'UNANSWERED_REPLIES', 'CLOSED_CASES', 'AUDIT_TRAIL')),
    amount     int check (amount is null or amount between 1 and 1200),
    unit       text check (unit in ('DAYS', 'MONTHS')),
    changed_at timestamptz,
    changed_by text,
    version    int not null default 0,
    check ((amount is null) = (unit is null))
);
insert into retention.rule (category, amount, unit) values
    ('REJECTED_SUBMISSIONS', 3, 'MONTHS'),
    ('UNANSWERED_REPLIES', 12, 'MONTHS'),
    ('CLOSED_CASES', 24, 'MONTHS'),
    ('AUDIT_TRAIL', null, null);

-- Every record the job shredded: category, id (a random uuid, no personal data) and when. Counts stay whole.
create table retention.shredding (
    category    text        not null,
    record_id   uuid        not null,
    shredded_at timestamptz not null,
    primary key (category, record_id)
);

-- What had been sent to authorities about a shredded record, for the association to ask them to delete too.
-- Organisation names and referral references only; no personal data.
create table retention.follow_up (
    id           uuid primary key,
    category     text        not null,
    record_id    uuid        not null,
    authority    text        not null,
    reference    text,
    sent_at      timestamptz,
    shredded_at  timestamptz not null,
    asked_at     timestamptz,
    asked_by     text
);
create index follow_up_open on retention.follow_up (asked_at, shredded_at);
