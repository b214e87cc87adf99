package org.kinlink.messages.letters;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.kinlink.messages.MessageStatus;
import org.kinlink.shared.web.IllegalTransitionException;

/**
 * One family message and its lifecycle (DESIGN.md flow 1). Every state change goes through this class: it
 * refuses illegal moves and treats a repeated move (or a step already passed) as done, so callers can
 * retry safely. Methods that change something return true; the content stays sealed bytes here.
 */
class FamilyMessage {

	/** The forward path after triage; DELIVERED ends it from any point on that path. */
	private static final Map<MessageStatus, Integer> RANK = new EnumMap<>(Map.of(MessageStatus.ACCEPTED, 1,
			MessageStatus.IN_TRANSLATION, 2, MessageStatus.TRANSLATED, 3, MessageStatus.APPROVED, 4,
			MessageStatus.REFERRED, 5, MessageStatus.ACKNOWLEDGED, 6, MessageStatus.DELIVERED, 7));

	private final UUID id;

	private final String reference;

	private final String language;

	private final UUID keyId;

	private final byte[] letter;

	private final Instant receivedAt;

	private final Map<MessageStatus, Instant> reachedAt = new EnumMap<>(MessageStatus.class);

	private MessageStatus status;

	private UUID personId;

	private byte[] rejectionReason;

	private int version;

	FamilyMessage(UUID id, String reference, MessageStatus status, String language, UUID personId, UUID keyId,
			byte[] letter, byte[] rejectionReason, Instant receivedAt, Map<MessageStatus, Instant> reachedAt, int version) {
		this.id = id;
		this.reference = reference;
		this.status = status;
		this.language = language;
		this.personId = personId;
		this.keyId = keyId;
		this.letter = letter;
		this.rejectionReason = rejectionReason;
		this.receivedAt = receivedAt;
		this.reachedAt.putAll(reachedAt);
		this.reachedAt.put(MessageStatus.RECEIVED, receivedAt);
		this.version = version;
	}

	static FamilyMessage received(UUID id, String reference, String language, UUID keyId, byte[] letter, Instant at) {
		return new FamilyMessage(id, reference, MessageStatus.RECEIVED, language, null, keyId, letter, null, at, Map.of(), 0);
	}

	/** Links the addressee to a person; only while the message waits for triage. */
	boolean linkPerson(UUID person) {
		requireAwaitingTriage();
		if (person.equals(personId)) {
			return false;
		}
		personId = person;
		return true;
	}

	void requireAwaitingTriage() {
		if (status != MessageStatus.RECEIVED) {
			throw new IllegalTransitionException("inbox.error.linkAfterTriage");
		}
	}

	boolean accept(Instant at) {
		if (RANK.containsKey(status)) {
			return false; // accepted before, maybe already further along
		}
		if (status != MessageStatus.RECEIVED) {
			throw new IllegalTransitionException();
		}
		if (personId == null) {
			throw new IllegalTransitionException("inbox.error.acceptNeedsPerson");
		}
		return moveTo(MessageStatus.ACCEPTED, at);
	}

	boolean reject(byte[] sealedReason, Instant at) {
		if (status == MessageStatus.REJECTED) {
			return false;
		}
		if (status != MessageStatus.RECEIVED) {
			throw new IllegalTransitionException();
		}
		rejectionReason = sealedReason;
		return moveTo(MessageStatus.REJECTED, at);
	}

	boolean startTranslation(Instant at) {
		return advance(MessageStatus.IN_TRANSLATION, at);
	}

	boolean translated(Instant at) {
		return advance(MessageStatus.TRANSLATED, at);
	}

	boolean approved(Instant at) {
		return advance(MessageStatus.APPROVED, at);
	}

	boolean referred(Instant at) {
		return advance(MessageStatus.REFERRED, at);
	}

	boolean acknowledged(Instant at) {
		return advance(MessageStatus.ACKNOWLEDGED, at);
	}

	/** The addressee left the group and agreed to receive the message: possible from any accepted state. */
	boolean delivered(Instant at) {
		return advance(MessageStatus.DELIVERED, at);
	}

	/**
	 * Moves one step along the forward path. A step already reached or passed changes nothing (the same call
	 * may come again from a retried event or a second target language); skipping a step is refused.
	 */
	private boolean advance(MessageStatus target, Instant at) {
		Integer current = RANK.get(status);
		if (current == null) {
			throw new IllegalTransitionException();
		}
		int wanted = RANK.get(target);
		if (current >= wanted) {
			return false;
		}
		if (target != MessageStatus.DELIVERED && current != wanted - 1) {
			throw new IllegalTransitionException();
		}
		return moveTo(target, at);
	}

	private boolean moveTo(MessageStatus target, Instant at) {
		status = target;
		reachedAt.put(target, at);
		return true;
	}

	UUID id() {
		return id;
	}

	String reference() {
		return reference;
	}

	MessageStatus status() {
		return status;
	}

	String language() {
		return language;
	}

	UUID personId() {
		return personId;
	}

	UUID keyId() {
		return keyId;
	}

	byte[] letter() {
		return letter;
	}

	byte[] rejectionReason() {
		return rejectionReason;
	}

	Instant receivedAt() {
		return receivedAt;
	}

	/** When the message reached the state, or null if it never did. */
	Instant reachedAt(MessageStatus state) {
		return reachedAt.get(state);
	}

	int version() {
		return version;
	}

	void versionSaved() {
		version++;
	}

}
