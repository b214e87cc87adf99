-- Referrals that carry a notification letter (casework's departure notifications) instead of family
-- messages: the letter (subject and body, in the recipient's language) names the person, so it is CONFIDENTIAL
-- and sealed under its own data key (notice_key_id). A referral has messages or a letter, never neither.
alter table referrals.referral
    add column notice_key_id uuid,
    add column notice        bytea;
