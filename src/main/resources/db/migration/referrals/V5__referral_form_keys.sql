-- A new-referral form sent twice (a double click, a retry after an answer lost to a crash) makes one referral,
-- not two that would each be dispatched (S19). The key is drawn when the form is shown; the first submission
-- records the referral it made, and a second one, even a concurrent one, waits on the row and finds it.
create table referrals.form_key (
    form_key    uuid        not null,
    created_by  text        not null,
    referral_id uuid        references referrals.referral (id),
    created_at  timestamptz not null default now(),
    primary key (form_key, created_by)
);
