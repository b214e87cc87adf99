-- A receipt now belongs either to a letter or to a tracing request, never both and never neither.
alter table portal.receipt alter column message_id drop not null;
alter table portal.receipt add column tracing_request_id uuid unique;
alter table portal.receipt add constraint receipt_one_owner check (num_nonnulls(message_id, tracing_request_id) = 1);
