-- The cues a subtitled copy of a video is made from, per file and language (the request of the translation
-- module when a translation of the video's cues is approved). CONFIDENTIAL: sealed under the file's key; the
-- digest (of the plaintext cues) makes a repeated request of the same cues a no-op.
create table media.subtitle_request (
    file_id      uuid        not null references media.file (id) on delete cascade,
    language     text        not null,
    sealed_cues  bytea       not null,
    cues_sha256  text        not null,
    cue_count    int         not null,
    requested_at timestamptz not null,
    primary key (file_id, language)
);
