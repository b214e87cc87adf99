-- The consent history of a person (newest first) and the letters delivered through a case are read on every
-- view of the consent and messages panels.
create index legal_basis_person_history on cases.legal_basis (person_id, recorded_at desc);
create index message_delivery_case on cases.message_delivery (case_id);
