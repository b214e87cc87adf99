create schema if not exists people;

-- A person: names, father's name, year of birth and other details are sealed as one blob under the
-- person's own data key (key_id); nothing that identifies them is in clear.
create table people.person (
    id         uuid primary key,
    key_id     uuid        not null,
    details    bytea       not null,
    created_at timestamptz not null
);
