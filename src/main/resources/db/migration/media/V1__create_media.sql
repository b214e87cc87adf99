create schema if not exists media;

-- An upload, resumable (tus) or from a plain form. Its bytes are stored as encrypted parts in the blob store
-- (one part per request that carried bytes), so a dropped connection keeps what arrived. The upload belongs
-- to no one until a letter claims it (media.file); unclaimed uploads expire and are removed.
create table media.upload (
    id              uuid primary key,
    key_id          uuid        not null,
    declared_length bigint,
    received        bigint      not null default 0,
    sealed_name     bytea,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    completed_at    timestamptz,
    claimed_at      timestamptz,
    lock_owner      text,
    locked_until    timestamptz
);
create index upload_expiry_idx on media.upload (expires_at) where claimed_at is null;

create table media.upload_part (
    upload_id uuid   not null references media.upload (id) on delete cascade,
    seq       int    not null,
    blob_id   uuid   not null,
    length    bigint not null,
    primary key (upload_id, seq)
);

-- A file of a family's message. The original (all parts joined into one blob) is kept encrypted under the
-- file's key; staff work with renditions made without metadata (media.rendition).
create table media.file (
    id               uuid primary key,
    message_id       uuid        not null,
    upload_id        uuid        not null unique references media.upload (id),
    key_id           uuid        not null,
    original_blob_id uuid,
    size             bigint      not null,
    sha256           text,
    kind             text        not null default 'UNKNOWN',
    content_type     text,
    status           text        not null default 'RECEIVED',
    problem          text,
    width            int,
    height           int,
    duration_ms      bigint,
    pages            int         not null default 0,
    received_at      timestamptz not null,
    updated_at       timestamptz not null,
    version          int         not null default 0
);
create index file_message_idx on media.file (message_id);

-- What processing made of a file: the working copy without metadata, poster frame, thumbnail, pages of a
-- scan, a copy with subtitles burned in (per language).
create table media.rendition (
    id           uuid primary key,
    file_id      uuid        not null references media.file (id) on delete cascade,
    kind         text        not null,
    page         int         not null default 0,
    language     text        not null default '',
    blob_id      uuid        not null,
    content_type text        not null,
    size         bigint      not null,
    sha256       text        not null,
    width        int,
    height       int,
    created_at   timestamptz not null,
    unique (file_id, kind, page, language)
);

-- Durable processing jobs, claimed with FOR UPDATE SKIP LOCKED so several nodes share the work, retried with
-- back-off; dedupe_key makes enqueueing idempotent.
create table media.job (
    id           uuid primary key,
    file_id      uuid        not null references media.file (id) on delete cascade,
    step         text        not null,
    params       text        not null default '',
    dedupe_key   text        not null unique,
    state        text        not null default 'PENDING',
    attempts     int         not null default 0,
    run_after    timestamptz not null,
    locked_by    text,
    locked_until timestamptz,
    last_error   text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index job_ready_idx on media.job (run_after) where state = 'PENDING';

-- Text of a file: OCR lines of a scan (with their region on the page) or timed cues of voice and video.
-- Sealed under the file's key. Staff correct it, then approve it for translation.
create table media.transcript (
    file_id     uuid primary key references media.file (id) on delete cascade,
    language    text        not null default 'fa',
    state       text        not null default 'DRAFT',
    source      text        not null default 'MANUAL',
    approved_by text,
    approved_at timestamptz,
    updated_at  timestamptz not null,
    version     int         not null default 0
);

create table media.transcript_segment (
    id          uuid primary key,
    file_id     uuid        not null references media.transcript (file_id) on delete cascade,
    seq         int         not null,
    sealed_text bytea       not null,
    page        int,
    x           int,
    y           int,
    width       int,
    height      int,
    start_ms    bigint,
    end_ms      bigint,
    confidence  real,
    source      text        not null,
    unique (file_id, seq)
);
