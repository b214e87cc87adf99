-- Files of a message are translated too: one task per file and target language, on the segments of the
-- file's approved transcript (media module). The letter's own text keeps one task per message and target.
alter table translation.task add column file_id uuid;
alter table translation.task add column media_kind text;
alter table translation.task drop constraint task_message_target_unique;
create unique index task_text_target_unique on translation.task (message_id, target_language) where file_id is null;
create unique index task_file_target_unique on translation.task (file_id, target_language) where file_id is not null;
create index task_message_idx on translation.task (message_id);

-- Where a segment sits in its file: start and end of a cue (ms) or the page and region of a line of a scan.
-- INTERNAL (positions only, no text).
alter table translation.segment
    add column start_ms      bigint,
    add column end_ms        bigint,
    add column page          int,
    add column region_x      int,
    add column region_y      int,
    add column region_width  int,
    add column region_height int;
