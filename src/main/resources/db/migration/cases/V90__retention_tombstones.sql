-- Retention (issue #6): a shredded case keeps its row as a tombstone (reference, state, dates, team) so counts
-- and reports stay whole; its data key is destroyed and its sealed columns are emptied.
alter table cases.case_file add column shredded_at timestamptz;
create index case_file_closed_unshredded on cases.case_file (closed_at) where state = 'CLOSED' and shredded_at is null;
