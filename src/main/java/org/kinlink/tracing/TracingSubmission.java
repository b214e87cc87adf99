package org.kinlink.tracing;

/**
 * A tracing request as a family (or staff, for them) writes it: who is sought (names in both scripts, father's
 * name, year and place of birth, other details), who asks and how they are related, and the language the
 * family reads. Texts already normalised and validated by the caller.
 */
public record TracingSubmission(String soughtNamePersian, String soughtNameLatin, String soughtFatherName,
		Integer soughtBirthYear, String soughtBirthPlace, String soughtOtherDetails, String requesterName,
		String requesterRelationship, String language) {
}
