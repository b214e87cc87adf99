-- Every node's in-memory name index takes in the persons created since it last looked.
create index person_created_at on people.person (created_at);
