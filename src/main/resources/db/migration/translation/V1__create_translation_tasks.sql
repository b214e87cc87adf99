create schema if not exists translation;

-- One task per message and target language; the unique constraint keeps the MessageAccepted listener idempotent.
-- The reference and languages are INTERNAL; no text of the letter or its translation is stored in clear.
create table translation.task (
    id              uuid primary key,
    message_id      uuid        not null,
    reference       text        not null,
    source_language text        not null,
    target_language text        not null check (target_language in ('sq', 'en')),
    state           text        not null check (state in ('OPEN', 'IN_PROGRESS', 'TRANSLATED', 'REVIEWED', 'APPROVED')),
    key_id          uuid        not null,
    segment_count   int         not null check (segment_count >= 0),
    translator      text,
    reviewer        text,
    approver        text,
    via_english     boolean     not null default false,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    approved_at     timestamptz,
    version         int         not null default 0,
    constraint task_message_target_unique unique (message_id, target_language),
    constraint task_reviewer_is_not_translator check (reviewer is null or reviewer <> translator),
    constraint task_approver_is_not_translator check (approver is null or approver <> translator)
);

create index task_state_idx on translation.task (state, created_at);
create index task_translator_idx on translation.task (translator);

-- Source sentences and their translations, each sealed with the Vault under the task's key (CONFIDENTIAL).
create table translation.segment (
    task_id  uuid  not null references translation.task (id),
    position int   not null check (position >= 0),
    source   bytea not null,
    target   bytea,
    primary key (task_id, position)
);

-- A reviewer's comment when returning a task to its translator, sealed under the task's key.
create table translation.task_comment (
    id         uuid primary key,
    task_id    uuid        not null references translation.task (id),
    author     text        not null,
    written_at timestamptz not null,
    comment    bytea       not null
);

create index task_comment_task_idx on translation.task_comment (task_id, written_at);
