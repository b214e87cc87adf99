-- The default departure notification templates (INTERNAL text, no personal data; placeholders in braces are
-- filled from the case when the departure is recorded). The administrator edits them at /staff/cases/templates.
-- The police within 24 hours in Albanian; UNHCR and the other international bodies within 72 hours in English.
insert into cases.notification_template (authority_kind, language, deadline_hours, subject, body, enabled, updated_at, updated_by)
values
('POLICE', 'sq', 24,
 'Njoftim për largimin e një personi nga grupi – {reference}',
 'I nderuar zotëri / E nderuar zonjë,

Ju njoftojmë se {name_latin} ({name_persian}), biri/bija e {father_name}, i/e lindur në vitin {birth_year}, u largua nga grupi më {departed_on} nga {departure_place}. Personi tani ndodhet nën kujdesin e shoqatës sonë.

Largimi na u raportua nga: {reported_by}.

Duke pasur parasysh rrezikun e hakmarrjes dhe presionit ndaj personit dhe familjes së tij/saj, ju kërkojmë me respekt të merrni masat e nevojshme për mbrojtjen e tij/saj dhe ta trajtoni këtë informacion si rreptësisht konfidencial. Vendndodhja e personit nuk përmendet në këtë letër; mund t’ju jepet me kërkesë, përmes një kanali të sigurt.

Referenca jonë e rastit: {reference}. Ju lutemi ta citoni në çdo korrespondencë.

Me respekt,
{association}',
 true, now(), 'system'),
('UN_BODY', 'en', 72,
 'Notification of departure from the group and request for protection – {reference}',
 'Dear Sir or Madam,

We hereby notify you that {name_latin} ({name_persian}), child of {father_name}, born in {birth_year}, left the group on {departed_on} from {departure_place}, and is now supported by our association in Albania.

The departure was reported to us by: {reported_by}.

In view of the risk of reprisals and pressure on the person and on their family, we respectfully request that you register this notification, consider the person''s need for international protection and advise us of the steps you are able to take. Please treat this information as strictly confidential. The person''s whereabouts are not stated in this letter; they can be provided on request through a secure channel.

Our case reference: {reference}. Kindly quote it in all correspondence.

Yours faithfully,
{association}',
 true, now(), 'system'),
('INTERNATIONAL_BODY', 'en', 72,
 'Notification of departure from the group – {reference}',
 'Dear Sir or Madam,

We hereby notify you that {name_latin} ({name_persian}), child of {father_name}, born in {birth_year}, left the group on {departed_on} from {departure_place}, and is now supported by our association in Albania.

The departure was reported to us by: {reported_by}.

Given the risk of reprisals against the person and their family, we ask you to record this notification, to treat it as strictly confidential, and to let us know whether your organisation can assist with the person''s protection, documentation or safe contact with their family, should they wish it. The person''s whereabouts are not stated in this letter; they can be provided on request through a secure channel.

Our case reference: {reference}. Kindly quote it in all correspondence.

Yours faithfully,
{association}',
 true, now(), 'system');
