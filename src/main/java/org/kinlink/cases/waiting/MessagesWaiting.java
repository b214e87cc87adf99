package org.kinlink.cases.waiting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.DisclosureRefusedException;
import org.kinlink.cases.Disclosures;
import org.kinlink.cases.file.CaseAccess;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.cases.waiting.Deliveries.Delivery;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.MessageProgress;
import org.kinlink.messages.MessageStatus;
import org.kinlink.messages.MessageSummary;
import org.kinlink.shared.web.ForbiddenActionException;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Family messages waiting for a person who now has a case: listed for the caseworker, delivered to the person
 * only while they allow receiving messages, and their answer relayed to the family only while they allow
 * relaying (S15). Each disclosure passes {@link Disclosures#require} in the same transaction as what it
 * records, so a withdrawal meanwhile either waits or makes it refused. Refusals are audited and committed;
 * nothing else is written before them.
 */
@Service
class MessagesWaiting {

	static final String RECORD = "case";

	private static final Set<MessageStatus> NOT_ACCEPTED = EnumSet.of(MessageStatus.RECEIVED, MessageStatus.REJECTED);

	private final CaseAccess access;

	private final Deliveries deliveries;

	private final FamilyMessages messages;

	private final MessageProgress progress;

	private final Disclosures disclosures;

	private final AuditTrail audit;

	private final Clock clock;

	MessagesWaiting(CaseAccess access, Deliveries deliveries, FamilyMessages messages, MessageProgress progress,
			Disclosures disclosures, AuditTrail audit, Clock clock) {
		this.access = access;
		this.deliveries = deliveries;
		this.messages = messages;
		this.progress = progress;
		this.disclosures = disclosures;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether a letter in this state may be handed over: accepted by intake and not delivered already. */
	static boolean deliverable(MessageStatus status) {
		return !NOT_ACCEPTED.contains(status) && status != MessageStatus.DELIVERED;
	}

	/** The person's letters and their deliveries, nothing opened. */
	@Transactional(readOnly = true)
	WaitingView view(CaseFile file, CaseReader reader) {
		Map<UUID, Delivery> delivered = deliveries.forPerson(file.personId());
		return new WaitingView(messages.forPerson(file.personId())
			.stream()
			.map(s -> new WaitingView.Item(s, delivered.get(s.messageId())))
			.toList(), disclosures.permitted(file.personId()), reader.opensRestricted(file));
	}

	/**
	 * Hands the letter to the person: needs their consent to receive messages (checked and held until commit),
	 * records the delivery with its legal basis and moves the message to DELIVERED. A letter delivered before
	 * is not delivered again.
	 */
	@Transactional(noRollbackFor = { DisclosureRefusedException.class, ForbiddenActionException.class, RecordNotFoundException.class })
	Outcome deliver(UUID caseId, UUID messageId, CaseReader reader) {
		CaseFile file = actingOn(caseId, reader, "message.deliver");
		MessageSummary summary = ofPerson(file, messageId);
		if (deliveries.find(messageId).isPresent() || summary.status() == MessageStatus.DELIVERED) {
			return Outcome.ALREADY_DELIVERED;
		}
		if (NOT_ACCEPTED.contains(summary.status())) {
			throw new IllegalTransitionException("consent.messages.notAccepted");
		}
		UUID basis = disclosures.require(file.personId(), DisclosureLevel.RECEIVE_MESSAGES, "message.deliver");
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!deliveries.insert(new Delivery(messageId, file.id(), basis, now, reader.username()))) {
			return Outcome.ALREADY_DELIVERED;
		}
		progress.delivered(messageId, now);
		audit.record(AuditEvent.success("message.deliver", RECORD, file.id()).withDetail("message=" + messageId + ";basis=" + basis));
		return Outcome.DELIVERED;
	}

	/** The delivered letter opened for the caseworker (audited by the messages module as a read). */
	@Transactional(noRollbackFor = { ForbiddenActionException.class, RecordNotFoundException.class })
	DeliveredLetter letter(UUID caseId, UUID messageId, CaseReader reader) {
		CaseFile file = actingOn(caseId, reader, "message.read");
		ofPerson(file, messageId);
		Delivery delivery = deliveries.find(messageId)
			.orElseThrow(() -> new IllegalTransitionException("consent.messages.notDelivered"));
		return new DeliveredLetter(messages.content(messageId), delivery, disclosures.permitted(file.personId()));
	}

	/** Sends the person's answer to a delivered letter back to the family: needs their consent to relay messages. */
	@Transactional(noRollbackFor = { DisclosureRefusedException.class, ForbiddenActionException.class, RecordNotFoundException.class })
	void relay(UUID caseId, UUID messageId, String text, CaseReader reader) {
		CaseFile file = actingOn(caseId, reader, "message.relay");
		ofPerson(file, messageId);
		if (deliveries.find(messageId).isEmpty()) {
			throw new IllegalTransitionException("consent.messages.notDelivered");
		}
		UUID basis = disclosures.require(file.personId(), DisclosureLevel.RELAY_MESSAGES, "message.relay");
		messages.relayAnswer(messageId, text, reader.username());
		audit.record(AuditEvent.success("message.relay", RECORD, file.id()).withDetail("message=" + messageId + ";basis=" + basis));
	}

	/** The case, if the reader may act with the person: the caseworker of record or a team supervisor. */
	private CaseFile actingOn(UUID caseId, CaseReader reader, String action) {
		CaseFile file = access.forChange(caseId, reader, action);
		access.requireRestricted(file, reader, action);
		return file;
	}

	/** The message, if it is linked to the case's person; otherwise "not found". */
	private MessageSummary ofPerson(CaseFile file, UUID messageId) {
		// Looked up among the person's letters: an unknown id never raises inside the messages module's
		// transaction (which would mark ours rollback-only and lose the audited refusal).
		return messages.forPerson(file.personId())
			.stream()
			.filter(s -> s.messageId().equals(messageId))
			.findFirst()
			.orElseThrow(RecordNotFoundException::new);
	}

	/** What a delivery did. */
	enum Outcome {
		DELIVERED, ALREADY_DELIVERED
	}

}
