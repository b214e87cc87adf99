-- Translation memory (issue #5): approved segment pairs and TMX imports. Units are kept in sealed pages of up
-- to 500 pairs, each page Vault ciphertext under its batch's own key (one key per approved task, one per
-- import), so a batch can be crypto-shredded and the index is rebuilt at start-up with few openings.
create table translation.memory_batch (
    id              uuid primary key,
    origin          text not null check (origin in ('TASK', 'IMPORT')),
    task_id         uuid unique,
    source_language text not null,
    target_language text not null,
    key_id          uuid not null,
    unit_count      integer not null check (unit_count >= 0),
    created_by      text not null,
    created_at      timestamptz not null,
    check ((origin = 'TASK') = (task_id is not null))
);

create index memory_batch_pair on translation.memory_batch (source_language, target_language, created_at);

create table translation.memory_page (
    batch_id   uuid not null references translation.memory_batch (id) on delete cascade,
    page_no    integer not null,
    unit_count integer not null check (unit_count > 0),
    units      bytea not null,
    primary key (batch_id, page_no)
);
