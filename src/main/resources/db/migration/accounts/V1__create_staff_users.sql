create schema if not exists accounts;

create table accounts.staff_user (
    id            uuid primary key,
    username      text        not null unique,
    display_name  text        not null,
    password_hash text        not null,
    roles         text[]      not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);
