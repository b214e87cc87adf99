-- Glossaries per language pair (issue #5). INTERNAL data: names of places and institutions and recurring terms,
-- kept in clear; entries that look like personal contact data are refused by the application.
create table translation.glossary_term (
    id              uuid primary key,
    source_language text        not null check (source_language in ('fa', 'prs', 'en', 'sq')),
    target_language text        not null check (target_language in ('sq', 'en')),
    kind            text        not null check (kind in ('PLACE', 'INSTITUTION', 'TERM')),
    term            text        not null check (length(term) between 1 and 200),
    term_key        text        not null check (length(term_key) >= 1),
    -- The accepted renderings, one per line (a rendering never holds a line break).
    renderings      text        not null check (length(renderings) between 1 and 2100),
    note            text        check (length(note) <= 500),
    created_by      text        not null,
    created_at      timestamptz not null,
    updated_by      text        not null,
    updated_at      timestamptz not null,
    version         int         not null default 0,
    constraint glossary_term_pair check (source_language <> target_language),
    constraint glossary_term_unique unique (source_language, target_language, term_key)
);

-- One counter per pair, raised by every change: each node rebuilds its in-memory term index when it moves.
create table translation.glossary_revision (
    source_language text   not null,
    target_language text   not null,
    revision        bigint not null,
    primary key (source_language, target_language)
);
