-- The recipient is copied into the referral when the draft is made (name, kind, language, e-mail, postal
-- address, deadline): the second-person rule (S14), the packet and the e-mail use this copy, so editing the
-- directory later cannot re-classify or re-route a referral under way.
alter table referrals.referral
    add column recipient_name     text,
    add column recipient_kind     text,
    add column recipient_language text,
    add column recipient_email    text,
    add column recipient_address  text,
    add column recipient_ack_days int;

update referrals.referral r
   set recipient_name = a.name, recipient_kind = a.kind, recipient_language = a.language,
       recipient_email = a.email, recipient_address = a.postal_address, recipient_ack_days = a.ack_deadline_days
  from referrals.authority a
 where a.id = r.authority_id;

alter table referrals.referral
    alter column recipient_name set not null,
    alter column recipient_kind set not null,
    alter column recipient_language set not null,
    alter column recipient_email set not null,
    alter column recipient_address set not null,
    alter column recipient_ack_days set not null,
    add constraint referral_recipient_kind_check
        check (recipient_kind in ('POLICE', 'MINISTRY', 'UN_BODY', 'EMBASSY', 'INTERNATIONAL_BODY', 'OTHER')),
    add constraint referral_recipient_language_check check (recipient_language in ('sq', 'en', 'fa')),
    add constraint referral_recipient_ack_days_check check (recipient_ack_days between 1 and 365);

-- The e-mail leaves after the dispatch is committed (S19): mail_sent_at is set once the mail server took it,
-- and a retried sender skips a dispatch whose mail is already sent. Mails dispatched before this migration
-- were sent inside the dispatch transaction.
alter table referrals.dispatch add column mail_sent_at timestamptz;

update referrals.dispatch set mail_sent_at = dispatched_at where channel = 'EMAIL';
