create schema if not exists audit;

create sequence audit.entry_seq;

-- Append-only: who did what to which record, when, from where, with what outcome; hash-chained.
create table audit.entry (
    sequence    bigint primary key,
    at          timestamptz not null,
    actor       text        not null,
    origin      text,
    action      text        not null,
    record_type text,
    record_id   text,
    outcome     text        not null,
    detail      text,
    prev_hash   char(64)    not null,
    hash        char(64)    not null
);

create index entry_record_idx on audit.entry (record_type, record_id);

create table audit.chain_head (
    id   int primary key check (id = 1),
    hash char(64) not null
);
insert into audit.chain_head (id, hash) values (1, repeat('0', 64));

-- Nobody edits the trail through the application: updates and deletes are refused by the database.
create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end;
$$;

create trigger entry_append_only before update or delete on audit.entry
    for each row execute function audit.refuse_change();
create trigger entry_no_truncate before truncate on audit.entry
    for each statement execute function audit.refuse_change();
