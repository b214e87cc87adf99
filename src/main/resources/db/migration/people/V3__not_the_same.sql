-- Pairs of persons that staff marked "not the same person": the duplicates page stops proposing them.
-- Ids only (person_a < person_b), who marked them and when; nothing that identifies anybody.
create table people.not_same (
    person_a  uuid        not null references people.person (id),
    person_b  uuid        not null references people.person (id),
    marked_by text        not null,
    marked_at timestamptz not null,
    primary key (person_a, person_b),
    check (person_a < person_b)
);
