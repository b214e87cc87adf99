package org.kinlink.referrals.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.referrals.NotificationReferrals;
import org.kinlink.referrals.directory.Authority;
import org.kinlink.referrals.directory.AuthorityDirectory;
import org.kinlink.referrals.packet.PacketContent;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.storage.Vault;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notification referrals: a DRAFT referral without messages whose packet is a letter casework filled in. The
 * letter is sealed under its own data key at once (it names the person); approval turns it into the usual
 * packet (cover letter, reference, SHA-256 digest), and the rest of the workflow is the referrals' own.
 */
@Service
class NotificationDrafts implements NotificationReferrals {

	static final String NOTICE_CONTEXT = "referrals.notice";

	private static final Set<String> LANGUAGES = Set.of("sq", "en", "fa");

	/** Separates language, subject and body inside the sealed letter; never part of a validated text. */
	private static final String SEPARATOR = "\u0000";

	private final ReferralRepository referrals;

	private final AuthorityDirectory directory;

	private final Vault vault;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	NotificationDrafts(ReferralRepository referrals, AuthorityDirectory directory, Vault vault, AuditTrail audit,
			Clock clock, @Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
		this.referrals = referrals;
		this.directory = directory;
		this.vault = vault;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuthorityContact> activeAuthorities() {
		return directory.active()
			.stream()
			.sorted(Comparator.comparing((Authority a) -> a.kind().name()).thenComparing(Authority::name))
			.map(a -> new AuthorityContact(a.id(), a.name(), a.kind().name(), a.language()))
			.toList();
	}

	@Override
	@Transactional
	public UUID draft(UUID authorityId, NotificationLetter letter, String createdBy) {
		Objects.requireNonNull(letter);
		if (!LANGUAGES.contains(letter.language()) || blank(letter.subject()) || blank(letter.body())
				|| letter.subject().contains(SEPARATOR) || letter.body().contains(SEPARATOR)) {
			throw new IllegalArgumentException("a notification letter needs a language, a subject and a body");
		}
		Authority authority = directory.find(authorityId).orElseThrow(RecordNotFoundException::new);
		if (!authority.active()) {
			throw new IllegalTransitionException(ReferralService.INACTIVE);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String reference = referrals.nextReference(Year.from(now.atZone(zone)));
		Referral referral = Referral.notificationDraft(UUID.randomUUID(), reference, authorityId, Recipient.of(authority),
				createdBy, now);
		UUID keyId = vault.newKey();
		referrals.insert(referral);
		referrals.storeNotice(referral.id(), keyId, vault.sealText(keyId,
				letter.language() + SEPARATOR + letter.subject() + SEPARATOR + letter.body(), NOTICE_CONTEXT));
		audit.record(AuditEvent.success("referral.create", "referral", referral.id())
			.withDetail(authority.kind().name() + ";notification"));
		return referral.id();
	}

	/** The packet of a notification referral: its letter, in the letter's language, to the copied recipient. */
	PacketContent content(Referral referral, Instant date) {
		ReferralRepository.SealedPacket sealed = referrals.notice(referral.id()).orElseThrow(RecordNotFoundException::new);
		String[] parts = vault.openText(sealed.keyId(), sealed.ciphertext(), NOTICE_CONTEXT).split(SEPARATOR, 3);
		Recipient recipient = referral.recipient();
		return PacketContent.ofNotice(referral.reference(), parts[0], date, recipient.name(), recipient.postalAddress(),
				recipient.acknowledgementDays(), new PacketContent.Notice(parts[1], parts[2]));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
