-- An account created or reset by an administrator has no password until its owner activates it (S10).
alter table accounts.staff_user alter column password_hash drop not null;

-- Raised on every change that must end the account's open sessions: disabled, roles changed, password set.
alter table accounts.staff_user add column stamp bigint not null default 0;

-- At most one open activation code per account, stored only as its SHA-256; deleted when used.
create table accounts.activation_code (
    user_id    uuid primary key references accounts.staff_user (id) on delete cascade,
    code_hash  char(64)    not null,
    expires_at timestamptz not null,
    created_at timestamptz not null
);
