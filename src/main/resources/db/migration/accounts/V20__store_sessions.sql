-- Staff sessions in the database (S12), shared by every Kinlink node behind a load balancer.
-- Spring Session JDBC's own schema (spring-session-jdbc 4.0.4, org/springframework/session/jdbc/schema-postgresql.sql),
-- placed in the accounts schema; spring.session.jdbc.table-name=accounts.spring_session points the repository here.
-- Session ids are 36 characters of base64url (216 random bits, accounts.security.SessionIds); expired rows are
-- deleted by Spring Session's cleanup job (spring.session.jdbc.cleanup-cron).
create schema if not exists accounts;

create table accounts.spring_session (
	primary_id char(36) not null,
	session_id char(36) not null,
	creation_time bigint not null,
	last_access_time bigint not null,
	max_inactive_interval int not null,
	expiry_time bigint not null,
	principal_name varchar(100),
	constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on accounts.spring_session (session_id);
create index spring_session_ix2 on accounts.spring_session (expiry_time);
create index spring_session_ix3 on accounts.spring_session (principal_name);

create table accounts.spring_session_attributes (
	session_primary_id char(36) not null,
	attribute_name varchar(200) not null,
	attribute_bytes bytea not null,
	constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
	constraint spring_session_attributes_fk foreign key (session_primary_id)
		references accounts.spring_session (primary_id) on delete cascade
);
