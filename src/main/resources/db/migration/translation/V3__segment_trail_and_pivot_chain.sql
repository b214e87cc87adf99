-- Issue #5 item 4 and 7: the editor saves one segment at a time, each target keeps where it came from, the
-- reviewer may edit a target and mark it accepted or queried, and an Albanian task worked through English is
-- linked to that English task (a pivot chain).

-- revision: raised on every change of the segment's target, so two tabs do not overwrite each other silently.
-- provenance: TYPED, MEMORY (score), MACHINE (label = engine name) or REVIEWER (edited by the reviewer). INTERNAL.
-- translator_target: the translator's version kept when a reviewer edits the target; sealed (CONFIDENTIAL).
-- review_mark: ACCEPTED or QUERIED by the reviewer; review_note: the reviewer's note, sealed (CONFIDENTIAL).
alter table translation.segment
    add column revision          int  not null default 0,
    add column provenance        text check (provenance in ('TYPED', 'MEMORY', 'MACHINE', 'REVIEWER')),
    add column provenance_score  int  check (provenance_score between 0 and 100),
    add column provenance_label  text,
    add column translator_target bytea,
    add column review_mark       text check (review_mark in ('ACCEPTED', 'QUERIED')),
    add column review_note       bytea;

-- The English task an Albanian task was translated through, and that task's version when it was used.
alter table translation.task
    add column pivot_task_id uuid references translation.task (id),
    add column pivot_version int;

create index task_pivot_idx on translation.task (pivot_task_id) where pivot_task_id is not null;
