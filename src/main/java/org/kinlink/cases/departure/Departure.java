package org.kinlink.cases.departure;

import java.time.Instant;
import java.time.LocalDate;

/** A recorded departure as the case page shows it, its sealed details opened. */
public record Departure(LocalDate departedOn, Instant recordedAt, String recordedBy, String departurePlace,
		String reachedSafety, String reportedBy) {
}
