create schema if not exists storage;

-- One row per record that holds confidential content: its data key, wrapped by the key-encryption key.
-- Deleting the row is crypto-shredding: whatever was sealed under the key cannot be opened again.
create table storage.data_key (
    id         uuid primary key,
    wrapped    bytea       not null,
    created_at timestamptz not null default now()
);
