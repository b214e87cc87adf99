-- Videos a packet encloses (the copy with subtitles burned in, in the packet's language): attached to the
-- e-mail when small enough (MAIL), else offered through a download link (LINK). The digest is the one printed
-- in the packet. INTERNAL (ids, sizes, digests).
create table referrals.media_enclosure (
    referral_id uuid     not null references referrals.referral (id),
    file_id     uuid     not null,
    language    text     not null,
    delivery    text     not null check (delivery in ('MAIL', 'LINK')),
    size        bigint   not null,
    sha256      char(64) not null,
    position    int      not null,
    primary key (referral_id, file_id)
);

-- Time-limited download links for the recipient: only the SHA-256 of the random token is kept (the token itself
-- is in the sealed packet and the recipient's copy), so the table alone opens nothing.
create table referrals.download (
    token_sha256 char(64) primary key,
    referral_id  uuid        not null references referrals.referral (id),
    file_id      uuid        not null,
    language     text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null
);
create index download_referral_idx on referrals.download (referral_id);
