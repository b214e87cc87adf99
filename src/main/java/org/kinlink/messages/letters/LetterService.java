package org.kinlink.messages.letters;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.FamilyView;
import org.kinlink.messages.LetterContent;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.MessageProgress;
import org.kinlink.messages.MessageReceived;
import org.kinlink.messages.MessageStatus;
import org.kinlink.messages.MessageSummary;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.storage.Vault;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages module's API: receiving letters for the portal, the family's view, and the progress that
 * translation and referrals report. Every change and every opening of content is audited.
 */
@Service
class LetterService implements FamilyMessages, MessageProgress {

	static final String RECORD = "message";

	private final MessageRows rows;

	private final Replies replies;

	private final LetterSeal seal;

	private final Vault vault;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	LetterService(MessageRows rows, Replies replies, LetterSeal seal, Vault vault, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, @Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
		this.rows = rows;
		this.replies = replies;
		this.seal = seal;
		this.vault = vault;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	@Override
	@Transactional
	public UUID receive(LetterSubmission letter) {
		Objects.requireNonNull(letter, "letter");
		boolean noText = letter.text() == null || letter.text().isBlank();
		if ((noText && letter.files() == 0) || letter.language() == null) {
			throw new IllegalArgumentException("a letter needs text or files, and a language");
		}
		UUID id = UUID.randomUUID();
		Instant now = now();
		String reference = "KL-%d-%06d".formatted(now.atZone(zone).getYear(), rows.nextReferenceNumber());
		UUID keyId = vault.newKey();
		rows.insert(FamilyMessage.received(id, reference, letter.language(), keyId, seal.seal(keyId, id, letter), now));
		audit.record(AuditEvent.success("message.receive", RECORD, id).withDetail(MessageStatus.RECEIVED.name()));
		events.publishEvent(new MessageReceived(id));
		return id;
	}

	@Override
	@Transactional
	public FamilyView familyView(UUID messageId) {
		FamilyMessage message = load(messageId);
		boolean shredded = rows.shreddedAt(messageId).isPresent();
		List<FamilyView.StaffReply> staffReplies = shredded ? List.of() : replies.open(message, Reply.Direction.STAFF, Reply.Direction.RELATIVE)
			.stream()
			.map(r -> new FamilyView.StaffReply(r.id(), r.text(), r.sentAt(), r.direction() == Reply.Direction.RELATIVE))
			.toList();
		audit.record(AuditEvent.success("message.family-view", RECORD, messageId));
		return new FamilyView(message.status(), message.receivedAt(), message.reachedAt(MessageStatus.REFERRED),
				message.reachedAt(MessageStatus.ACKNOWLEDGED), staffReplies);
	}

	@Override
	@Transactional
	public void addFamilyReply(UUID messageId, String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("a reply needs text");
		}
		FamilyMessage message = loadIntact(messageId);
		UUID reply = replies.add(message, Reply.Direction.FAMILY, null, text, now());
		audit.record(AuditEvent.success("message.family-reply", RECORD, messageId).withDetail("reply " + reply));
	}

	@Override
	@Transactional
	public void relayAnswer(UUID messageId, String text, String relayedBy) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("an answer needs text");
		}
		FamilyMessage message = loadIntact(messageId);
		UUID reply = replies.add(message, Reply.Direction.RELATIVE, relayedBy, text, now());
		audit.record(AuditEvent.success("message.relative-answer", RECORD, messageId).withDetail("reply " + reply));
	}

	@Override
	@Transactional(readOnly = true)
	public List<MessageSummary> forPerson(UUID personId) {
		return personId == null ? List.of() : rows.forPerson(personId).stream().map(LetterService::summaryOf).toList();
	}

	@Override
	@Transactional
	public LetterContent content(UUID messageId) {
		FamilyMessage message = loadIntact(messageId);
		LetterContent content = new LetterContent(message.id(), message.reference(), seal.open(message),
				message.receivedAt());
		audit.record(AuditEvent.success("message.read", RECORD, messageId));
		return content;
	}

	@Override
	@Transactional(readOnly = true)
	public MessageSummary summary(UUID messageId) {
		return summaryOf(load(messageId));
	}

	@Override
	@Transactional
	public void translationStarted(UUID messageId) {
		progress(messageId, FamilyMessage::startTranslation);
	}

	@Override
	@Transactional
	public void translated(UUID messageId) {
		progress(messageId, FamilyMessage::translated);
	}

	@Override
	@Transactional
	public void approved(UUID messageId) {
		progress(messageId, FamilyMessage::approved);
	}

	@Override
	@Transactional
	public void referred(UUID messageId, Instant at) {
		Instant when = at == null ? now() : at.truncatedTo(ChronoUnit.MICROS);
		progress(messageId, (message, ignored) -> message.referred(when));
	}

	@Override
	@Transactional
	public void acknowledged(UUID messageId, Instant at) {
		Instant when = at == null ? now() : at.truncatedTo(ChronoUnit.MICROS);
		progress(messageId, (message, ignored) -> message.acknowledged(when));
	}

	@Override
	@Transactional
	public void delivered(UUID messageId, Instant at) {
		Instant when = at == null ? now() : at.truncatedTo(ChronoUnit.MICROS);
		progress(messageId, (message, ignored) -> message.delivered(when));
	}

	private void progress(UUID messageId, BiFunction<FamilyMessage, Instant, Boolean> step) {
		FamilyMessage message = load(messageId);
		if (step.apply(message, now())) {
			rows.update(message);
			audit.record(AuditEvent.success("message.status", RECORD, messageId).withDetail(message.status().name()));
		}
	}

	/** Loads a message whose content still exists; a message shredded by retention refuses the action (409). */
	FamilyMessage loadIntact(UUID messageId) {
		FamilyMessage message = load(messageId);
		if (rows.shreddedAt(messageId).isPresent()) {
			throw new IllegalTransitionException("retention.removed.action");
		}
		return message;
	}

	FamilyMessage load(UUID messageId) {
		if (messageId == null) {
			throw new RecordNotFoundException();
		}
		return rows.find(messageId).orElseThrow(RecordNotFoundException::new);
	}

	Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static MessageSummary summaryOf(FamilyMessage message) {
		return new MessageSummary(message.id(), message.reference(), message.status(), message.language(),
				message.receivedAt(), message.personId());
	}

}
