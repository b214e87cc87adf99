package org.kinlink.tracing.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.kinlink.people.Person;
import org.kinlink.tracing.TracingAnswer;

/** A request opened for staff: its details, the linked person (or null), the note written, and the family's answer now. */
record RequestView(UUID id, TracingState state, TracingSource source, String language, Instant receivedAt,
		LocalDate answeredOn, String answeredBy, String createdBy, TracingDetails details, Person person, String note,
		TracingAnswer familyAnswer) {
}
