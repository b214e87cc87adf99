-- Issue #6 canary sweep: a service's provider (a clinic, a shelter, an employer programme) tells where the person
-- is seen and for what, so it is kept sealed under the case key like the notes. New rows keep provider null;
-- rows written before this version keep their clear provider until they are next saved, which seals it.
alter table cases.service add column sealed_provider bytea;
alter table cases.service alter column provider drop not null;
