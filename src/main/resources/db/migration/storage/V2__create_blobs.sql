-- One row per encrypted file. The bytes live in the blob store (a local folder or an S3 bucket) under
-- object_name, encrypted with a streaming key of their own; that key is sealed under the owning record's
-- data key (key_id), so shredding the record's key makes the file unreadable.
create table storage.blob (
    id           uuid primary key,
    key_id       uuid        not null,
    context      text        not null,
    object_name  text        not null unique,
    sealed_key   bytea       not null,
    size         bigint      not null,
    sha256       text        not null,
    created_at   timestamptz not null default now()
);
create index blob_key_idx on storage.blob (key_id);
