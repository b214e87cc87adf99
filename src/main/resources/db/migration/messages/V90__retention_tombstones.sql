-- Retention (issue #6): a shredded message keeps its row as a tombstone (reference, status, dates) so counts
-- stay whole; its data key is destroyed, the sealed columns are emptied and the person link is dropped.
alter table messages.message add column shredded_at timestamptz;
create index message_rejected_unshredded on messages.message (rejected_at) where status = 'REJECTED' and shredded_at is null;
