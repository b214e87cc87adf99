package org.kinlink.messages.letters;

import java.util.List;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.messages.MessageAccepted;
import org.kinlink.messages.MessageRejected;
import org.kinlink.people.People;
import org.kinlink.people.PersonDetails;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What intake and the other staff do with a message: link its addressee to a person, accept or reject it,
 * and write to the family. Each step is audited; accepting and rejecting publish their events.
 */
@Service
class Triage {

	private final LetterService letters;

	private final MessageRows rows;

	private final Replies replies;

	private final LetterSeal seal;

	private final People people;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	Triage(LetterService letters, MessageRows rows, Replies replies, LetterSeal seal, People people, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.letters = letters;
		this.rows = rows;
		this.replies = replies;
		this.seal = seal;
		this.people = people;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	void linkPerson(UUID messageId, UUID personId) {
		FamilyMessage message = letters.loadIntact(messageId);
		people.find(personId);
		if (message.linkPerson(personId)) {
			rows.update(message);
			audit.record(AuditEvent.success("message.link-person", LetterService.RECORD, messageId)
				.withDetail("person " + personId));
		}
	}

	/** Creates a person from what intake confirmed and links the message's addressee to them. */
	@Transactional
	UUID createAndLinkPerson(UUID messageId, PersonDetails details) {
		FamilyMessage message = letters.loadIntact(messageId);
		message.requireAwaitingTriage(); // refuse before a person is created for nothing
		UUID personId = people.create(details);
		linkPerson(messageId, personId);
		return personId;
	}

	@Transactional
	void accept(UUID messageId) {
		FamilyMessage message = letters.loadIntact(messageId);
		if (message.accept(letters.now())) {
			rows.update(message);
			audit.record(AuditEvent.success("message.accept", LetterService.RECORD, messageId).withDetail("ACCEPTED"));
			events.publishEvent(new MessageAccepted(messageId, message.language()));
		}
	}

	@Transactional
	void reject(UUID messageId, String reason) {
		FamilyMessage message = letters.loadIntact(messageId);
		if (message.reject(seal.sealReason(message, reason), letters.now())) {
			rows.update(message);
			audit.record(AuditEvent.success("message.reject", LetterService.RECORD, messageId).withDetail("REJECTED"));
			events.publishEvent(new MessageRejected(messageId));
		}
	}

	/** The rejection reason, opened for staff (audited), or null when the message was not rejected. */
	@Transactional
	String rejectionReason(UUID messageId) {
		FamilyMessage message = letters.loadIntact(messageId);
		if (message.rejectionReason() == null) {
			return null;
		}
		audit.record(AuditEvent.success("message.read-rejection", LetterService.RECORD, messageId));
		return seal.openReason(message);
	}

	@Transactional
	void replyToFamily(UUID messageId, String author, String text) {
		FamilyMessage message = letters.loadIntact(messageId);
		UUID reply = replies.add(message, Reply.Direction.STAFF, author, text, letters.now());
		audit.record(AuditEvent.success("message.staff-reply", LetterService.RECORD, messageId).withDetail("reply " + reply));
	}

	/** Every reply both ways, oldest first, opened for staff (audited). */
	@Transactional
	List<Reply> conversation(UUID messageId) {
		FamilyMessage message = letters.loadIntact(messageId);
		List<Reply> all = replies.open(message, Reply.Direction.STAFF, Reply.Direction.FAMILY);
		audit.record(AuditEvent.success("message.read-replies", LetterService.RECORD, messageId));
		return all;
	}

}
