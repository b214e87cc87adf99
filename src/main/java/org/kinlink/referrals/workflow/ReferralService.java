package org.kinlink.referrals.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.messages.MessageProgress;
import org.kinlink.referrals.ReferralAcknowledged;
import org.kinlink.referrals.ReferralDispatched;
import org.kinlink.referrals.ReferralOverdue;
import org.kinlink.referrals.directory.Authority;
import org.kinlink.referrals.directory.AuthorityDirectory;
import org.kinlink.referrals.packet.RenderedPacket;
import org.kinlink.referrals.packet.PacketRenderer;
import org.kinlink.shared.web.ForbiddenActionException;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.storage.Vault;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral workflow: drafts, approval with the packet made and sealed, dispatch exactly once with the
 * e-mail sent after the commit, the authority's acknowledgement and overdue marking. Every step is audited
 * and moves the messages along.
 */
@Service
public class ReferralService {

	static final String PACKET_CONTEXT = "referrals.packet";

	static final String NOTE_CONTEXT = "referrals.dispatch.note";

	static final String NO_TRANSLATION = "referrals.referral.noApprovedTranslation";

	static final String NOT_APPROVED = "referrals.referral.messageNotApproved";

	static final String INACTIVE = "referrals.authority.inactive";

	private static final String SYSTEM = "system";

	private final ReferralRepository referrals;

	private final AuthorityDirectory directory;

	private final PacketAssembler assembler;

	private final PacketRenderer renderer;

	private final PacketMailer mailer;

	private final MessageProgress progress;

	private final Vault vault;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	private final MediaEnclosures enclosures;

	private final NotificationDrafts notices;

	ReferralService(ReferralRepository referrals, AuthorityDirectory directory, PacketAssembler assembler,
			PacketRenderer renderer, PacketMailer mailer, MessageProgress progress, Vault vault, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, @Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone,
			MediaEnclosures enclosures, NotificationDrafts notices) {
		this.enclosures = enclosures;
		this.notices = notices;
		this.referrals = referrals;
		this.directory = directory;
		this.assembler = assembler;
		this.renderer = renderer;
		this.mailer = mailer;
		this.progress = progress;
		this.vault = vault;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	@Transactional(readOnly = true)
	public Referral get(UUID id) {
		return referrals.find(id).orElseThrow(RecordNotFoundException::new).referral();
	}

	@Transactional(readOnly = true)
	public List<Referral> list(ReferralState state) {
		return referrals.list(state, 500);
	}

	/** Today in the association's time zone, by the injected clock. */
	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	/**
	 * A new draft for an active authority, whose details are copied into the referral (see {@link Recipient}).
	 * Every message must be approved (APPROVED or later, so that it can move on to REFERRED) and have an approved
	 * translation the recipient can read (Albanian for "sq", English or else Albanian for the others); this is
	 * checked here so that no caller can skip it.
	 */
	@Transactional
	UUID create(UUID authorityId, List<UUID> messageIds, String createdBy, UUID formKey) {
		if (formKey != null) {
			// the same form sent again: the referral it made already (the key is locked, so a twin waits here)
			Optional<UUID> made = referrals.lockFormKey(formKey, createdBy);
			if (made.isPresent()) {
				return made.get();
			}
		}
		Authority authority = active(authorityId);
		for (UUID messageId : messageIds) {
			if (!assembler.isReferable(messageId)) {
				throw new IllegalTransitionException(NOT_APPROVED);
			}
			if (!assembler.hasTranslationFor(messageId, authority.language())) {
				throw new IllegalTransitionException(NO_TRANSLATION);
			}
		}
		Instant now = now();
		String reference = referrals.nextReference(Year.from(now.atZone(zone)));
		Referral referral = Referral.draft(UUID.randomUUID(), reference, authorityId, Recipient.of(authority),
				messageIds.stream().distinct().toList(), createdBy, now);
		referrals.insert(referral);
		if (formKey != null) {
			referrals.recordFormKey(formKey, createdBy, referral.id());
		}
		audit.record(AuditEvent.success("referral.create", "referral", referral.id()).withDetail(authority.kind().name()));
		return referral.id();
	}

	/**
	 * Approves a draft and makes its packet from the recipient copied into the draft. Police and UN bodies need a
	 * second person (S14): the creator's attempt is refused, and the refusal is audited and committed even
	 * though the call fails.
	 */
	@Transactional(noRollbackFor = ForbiddenActionException.class)
	void approve(UUID id, String approver) {
		ReferralRepository.Versioned current = locked(id);
		Referral referral = current.referral();
		active(referral.authorityId());
		if (referral.state() == ReferralState.DRAFT && referral.refusesApprovalBy(approver)) {
			audit.record(AuditEvent.denied("referral.approve", "referral", id).withDetail("rule=S14;creator=" + referral.createdBy()));
			throw new ForbiddenActionException("referrals.approve.secondPersonNeeded");
		}
		Instant now = now();
		referral.approve(approver, now);
		RenderedPacket packet = renderer.render(referral.notification() ? notices.content(referral, now)
				: assembler.content(referral, now));
		UUID keyId = vault.newKey();
		referrals.storePacket(id, keyId, vault.seal(keyId, packet.pdf(), PACKET_CONTEXT));
		referral.attachPacket(packet.sha256());
		referrals.update(referral, current.version());
		audit.record(AuditEvent.success("referral.approve", "referral", id).withDetail("creator=" + referral.createdBy()));
	}

	/**
	 * Dispatches by e-mail, exactly once in effect (S19): under the row lock the referral becomes DISPATCHED, the
	 * unique dispatch record (with the recipient's copied address) is written, the messages move to REFERRED and
	 * {@link ReferralDispatched} is published, all in one commit. The mail itself leaves afterwards from
	 * {@link PacketMailing}, retried until the mail server takes it, and is sent at most once by us.
	 */
	@Transactional
	void dispatchByEmail(UUID id, String user) {
		ReferralRepository.Versioned current = locked(id);
		Referral referral = current.referral();
		Instant now = now();
		referral.dispatch(DispatchChannel.EMAIL, now);
		active(referral.authorityId());
		referrals.insertDispatch(id, DispatchChannel.EMAIL, now, user, referral.packetSha256(),
				referral.recipient().email(), null);
		finishDispatch(referral, current.version(), now);
	}

	/** Records a packet handed over in person on the given day, with a note (sealed: it may name people). */
	@Transactional
	void recordHandDelivery(UUID id, LocalDate deliveredOn, String note, String user) {
		ReferralRepository.Versioned current = locked(id);
		Referral referral = current.referral();
		Instant at = deliveredOn.atStartOfDay(zone).toInstant();
		referral.dispatch(DispatchChannel.BY_HAND, at);
		active(referral.authorityId());
		UUID keyId = referrals.packet(id).orElseThrow(IllegalTransitionException::new).keyId();
		referrals.insertDispatch(id, DispatchChannel.BY_HAND, now(), user, referral.packetSha256(), null,
				vault.sealText(keyId, note, NOTE_CONTEXT));
		finishDispatch(referral, current.version(), at);
	}

	/**
	 * Sends the packet of a referral dispatched by e-mail, unless it was sent already or went by hand: called
	 * by {@link PacketMailing} after the dispatch committed, and again on every retry. The dispatch record stays
	 * locked while the mail server talks, so a second sender waits and then finds the mail sent. If this
	 * transaction fails after the server took the mail, the retry sends the same Message-ID again, which the
	 * recipient's mail system recognises as the same message.
	 */
	@Transactional
	void sendPendingMail(UUID id) {
		Optional<String> to = referrals.lockPendingMail(id);
		if (to.isEmpty()) {
			return;
		}
		Referral referral = get(id);
		mailer.send(referral, to.get(), packetBytes(id), enclosures.mailAttachments(id, referral.reference()));
		referrals.markMailSent(id, now());
		audit.recordAs(SYSTEM, AuditEvent.success("referral.mail", "referral", id).withDetail(DispatchChannel.EMAIL.name()));
	}

	/** The mail server did not take a packet: audited in its own transaction, the send is retried later. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordMailFailure(UUID id) {
		audit.recordAs(SYSTEM, AuditEvent.failure("referral.mail", "referral", id).withDetail(DispatchChannel.EMAIL.name()));
	}

	@Transactional
	void acknowledge(UUID id, String theirReference, LocalDate on, String user) {
		ReferralRepository.Versioned current = locked(id);
		Referral referral = current.referral();
		if (referral.dispatchedAt() == null) {
			throw new IllegalTransitionException("referrals.acknowledge.notDispatched");
		}
		referral.acknowledge(theirReference, on, dispatchDay(referral), user);
		referrals.update(referral, current.version());
		Instant at = on.atStartOfDay(zone).toInstant();
		referral.messageIds().forEach(messageId -> progress.acknowledged(messageId, at));
		audit.record(AuditEvent.success("referral.acknowledge", "referral", id).withDetail(referral.state().name()));
		events.publishEvent(new ReferralAcknowledged(id));
	}

	/** Marks every dispatched referral whose deadline has passed as OVERDUE; returns how many. */
	@Transactional
	public int markOverdue(Instant now) {
		int marked = 0;
		for (ReferralRepository.Versioned late : referrals.lockLate(now, 200)) {
			Referral referral = late.referral();
			if (referral.markOverdueIfLate(now)) {
				referrals.update(referral, late.version());
				audit.recordAs("system", AuditEvent.success("referral.overdue", "referral", referral.id()).withDetail(referral.state().name()));
				events.publishEvent(new ReferralOverdue(referral.id()));
				marked++;
			}
		}
		return marked;
	}

	/** The packet PDF for staff; every opening is audited. */
	@Transactional
	byte[] openPacket(UUID id) {
		get(id);
		byte[] pdf = packetBytes(id);
		audit.record(AuditEvent.success("referral.packet.read", "referral", id));
		return pdf;
	}

	LocalDate dispatchDay(Referral referral) {
		return day(referral.dispatchedAt());
	}

	/** The calendar day of an instant in the association's time zone. */
	LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, zone);
	}

	private void finishDispatch(Referral referral, int version, Instant at) {
		referrals.update(referral, version);
		referral.messageIds().forEach(messageId -> progress.referred(messageId, at));
		audit.record(AuditEvent.success("referral.dispatch", "referral", referral.id()).withDetail(referral.channel().name()));
		events.publishEvent(new ReferralDispatched(referral.id()));
	}

	private byte[] packetBytes(UUID id) {
		ReferralRepository.SealedPacket sealed = referrals.packet(id).orElseThrow(RecordNotFoundException::new);
		return vault.open(sealed.keyId(), sealed.ciphertext(), PACKET_CONTEXT);
	}

	/** The authority, refused when it was deactivated: nothing new goes to it, not even a referral under way. */
	private Authority active(UUID authorityId) {
		Authority authority = directory.get(authorityId);
		if (!authority.active()) {
			throw new IllegalTransitionException(INACTIVE);
		}
		return authority;
	}

	private ReferralRepository.Versioned locked(UUID id) {
		return referrals.lock(id).orElseThrow(RecordNotFoundException::new);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
