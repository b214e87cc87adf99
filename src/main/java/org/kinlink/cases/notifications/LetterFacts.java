package org.kinlink.cases.notifications;

import java.time.LocalDate;

/** What a departure notification says about the case, before it is put into the template's words. */
public record LetterFacts(String reference, String nameLatin, String namePersian, String fatherName, Integer birthYear,
		LocalDate departedOn, String departurePlace, String reachedSafety, String reportedBy) {
}
