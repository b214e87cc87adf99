-- S11: sign-in failures counted in the shared database, so every Kinlink node behind the load balancer sees the
-- same count and the same lock (accounts.throttle.SharedFailures). Only what is not tied to a client is kept
-- here: account names and the other per-account keys, each as a keyed hash (HMAC-SHA256, 32 bytes) under the
-- key in login_throttle_key, never the name as typed (people type passwords into the name field). Client
-- addresses are counted in memory per node and never stored.
-- failures holds the times of the failures within the window (fewer than the maximum); locked_until ends a
-- lock by itself. A row idle past the window and not locked means nothing and is deleted by the prune job.
create table accounts.login_throttle (
    key          bytea       primary key check (octet_length(key) = 32),
    failures     timestamptz[] not null default '{}',
    last_failure timestamptz not null,
    locked_until timestamptz
);

-- The HMAC key of the account-name hashes: one row, made by the first node that needs it, sealed with the Vault
-- under its own data key (key_id), so the database alone cannot test a guessed name against the hashes.
create table accounts.login_throttle_key (
    id         smallint    primary key check (id = 1),
    key_id     uuid        not null,
    sealed     bytea       not null,
    created_at timestamptz not null
);
