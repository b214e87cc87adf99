create schema if not exists portal;

-- Receipts exist here only as Argon2id PHC strings (S1): the salt comes from a pepper kept outside the
-- database, so the same receipt always gives the same string and lookup is an equality match.
create table portal.receipt (
    hash       text primary key,
    message_id uuid        not null unique,
    created_at timestamptz not null
);

-- One-time keys of submitted letter forms, as SHA-256 hex: a second POST of the same form finds its key
-- here and does not create a second message.
create table portal.form_key (
    key_hash text primary key,
    used_at  timestamptz not null
);
