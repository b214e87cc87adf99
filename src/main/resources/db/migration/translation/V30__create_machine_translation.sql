-- The machine-translation port: one engine per language pair, off until an administrator enables it after
-- confirming the host the text goes to. INTERNAL settings; the API key only as Vault ciphertext.
create table translation.machine_engine (
    pair           text primary key check (pair ~ '^[a-z]{2,3}-[a-z]{2,3}$'),
    kind           text        not null check (kind in ('LIBRETRANSLATE', 'CHAT_COMPLETIONS')),
    name           text        not null,
    base_url       text        not null check (base_url ~ '^https?://'),
    model          text,
    timeout_ms     int         not null check (timeout_ms between 1000 and 120000),
    enabled        boolean     not null default false,
    confirmed_host text,
    key_id         uuid,
    sealed_api_key bytea,
    updated_at     timestamptz not null,
    version        int         not null default 0,
    constraint machine_engine_enabled_confirmed check (not enabled or confirmed_host is not null)
);

-- The last request of a task to its engine: figures only (no text), and the task's own key for the answers.
create table translation.machine_run (
    task_id   uuid primary key references translation.task (id),
    key_id    uuid        not null,
    engine    text        not null,
    asked_at  timestamptz not null,
    sent      int         not null check (sent >= 0),
    answered  int         not null check (answered >= 0),
    withheld  int         not null check (withheld >= 0)
);

-- The engine's answer per segment, sealed under the run's key (CONFIDENTIAL, like the letter).
create table translation.machine_suggestion (
    task_id  uuid  not null references translation.machine_run (task_id),
    position int   not null check (position >= 0),
    text     bytea not null,
    primary key (task_id, position)
);
