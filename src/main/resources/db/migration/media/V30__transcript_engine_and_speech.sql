-- What the machine made of a file's text, for staff: OCR or speech-to-text done, empty, unavailable or failed
-- (NONE before any engine ran). Staff transcribe by hand whatever the state.
alter table media.transcript add column engine_state text not null default 'NONE';

-- The speech-to-text port (an OpenAI-compatible /v1/audio/transcriptions server), one row, set by an
-- administrator; off by default. The API key is sealed under key_id and never shown again.
create table media.speech_engine (
    id             int primary key check (id = 1),
    enabled        boolean     not null default false,
    base_url       text        not null default '',
    model          text        not null default '',
    key_id         uuid,
    sealed_api_key bytea,
    updated_by     text,
    updated_at     timestamptz not null,
    version        int         not null default 0
);
