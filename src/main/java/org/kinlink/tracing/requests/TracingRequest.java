package org.kinlink.tracing.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.kinlink.shared.web.IllegalTransitionException;

/**
 * A tracing request as stored: the sealed details and note stay sealed here; the state changes refuse what the
 * current state does not allow. A request is linked to a person, then answered; or closed as not found, which
 * forgets any person it was linked to.
 */
record TracingRequest(UUID id, UUID keyId, TracingState state, TracingSource source, String language, byte[] details,
		UUID personId, Instant receivedAt, LocalDate receivedOn, LocalDate answeredOn, String answeredBy, byte[] note,
		String createdBy, int version) {

	static TracingRequest received(UUID id, UUID keyId, TracingSource source, String language, byte[] details,
			Instant receivedAt, LocalDate receivedOn, String createdBy) {
		return new TracingRequest(id, keyId, TracingState.OPEN, source, language, details, null, receivedAt, receivedOn,
				null, null, null, createdBy, 0);
	}

	TracingRequest linkTo(UUID person) {
		if (!state.inProgress() || person == null) {
			throw new IllegalTransitionException("tracing.error.notInProgress");
		}
		return new TracingRequest(id, keyId, TracingState.LINKED, source, language, details, person, receivedAt, receivedOn,
				null, null, null, createdBy, version);
	}

	TracingRequest answer(LocalDate on, String by, byte[] sealedNote) {
		if (state != TracingState.LINKED) {
			throw new IllegalTransitionException("tracing.error.notLinked");
		}
		return new TracingRequest(id, keyId, TracingState.ANSWERED, source, language, details, personId, receivedAt,
				receivedOn, on, by, sealedNote, createdBy, version);
	}

	TracingRequest closeNotFound(LocalDate on, String by) {
		if (!state.inProgress()) {
			throw new IllegalTransitionException("tracing.error.notInProgress");
		}
		return new TracingRequest(id, keyId, TracingState.CLOSED_NOT_FOUND, source, language, details, null, receivedAt,
				receivedOn, on, by, null, createdBy, version);
	}

}
