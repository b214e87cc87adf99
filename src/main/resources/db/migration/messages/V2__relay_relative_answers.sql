-- The answer of a relative who left the group, relayed by their caseworker with their consent, is a reply
-- too: sealed like the others, shown to the family as coming from their relative.
alter table messages.reply drop constraint reply_direction_check;
alter table messages.reply add constraint reply_direction_check check (direction in ('STAFF', 'FAMILY', 'RELATIVE'));
