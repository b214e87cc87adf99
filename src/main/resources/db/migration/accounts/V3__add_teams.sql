-- A caseworker sees the cases of their own team (S13); the administrator puts each account in at most one
-- team. INTERNAL: a team is a short label such as "Tirana" or "Durrës".
alter table accounts.staff_user add column team text;
