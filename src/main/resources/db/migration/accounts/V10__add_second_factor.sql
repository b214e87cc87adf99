-- S9: each staff account's TOTP factor. The secret and the key of the recovery-code hashes are sealed with the
-- Vault under the account's own data key (key_id); the database never holds them in the clear. last_step is the
-- last RFC 6238 time step accepted, so a code is used once (atomic "update ... where last_step < ?").
create table accounts.second_factor (
    user_id      uuid primary key references accounts.staff_user (id) on delete cascade,
    key_id       uuid        not null,
    secret       bytea       not null,
    recovery_key bytea       not null,
    confirmed    boolean     not null default false,
    last_step    bigint      not null default -1,
    created_at   timestamptz not null,
    confirmed_at timestamptz
);

-- Recovery codes, each a keyed hash (HMAC-SHA256 under the sealed recovery_key); used_at set once, atomically.
create table accounts.recovery_code (
    user_id   uuid        not null references accounts.staff_user (id) on delete cascade,
    code_hash text        not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);
