package org.kinlink.tracing.requests;

import org.kinlink.people.NameQuery;
import org.kinlink.people.PersonDetails;
import org.kinlink.tracing.TracingSubmission;

/** The sealed part of a request, opened for staff: who is sought and who asks. */
record TracingDetails(String soughtNamePersian, String soughtNameLatin, String soughtFatherName, Integer soughtBirthYear,
		String soughtBirthPlace, String soughtOtherDetails, String requesterName, String requesterRelationship) {

	static TracingDetails of(TracingSubmission s) {
		return new TracingDetails(s.soughtNamePersian(), s.soughtNameLatin(), s.soughtFatherName(), s.soughtBirthYear(),
				s.soughtBirthPlace(), s.soughtOtherDetails(), s.requesterName(), s.requesterRelationship());
	}

	NameQuery nameQuery() {
		return new NameQuery(soughtNamePersian, soughtNameLatin, soughtFatherName, soughtBirthYear);
	}

	/** The sought person as a new person record; the birthplace goes with the other details. */
	PersonDetails asPerson() {
		String other = soughtBirthPlace == null ? soughtOtherDetails
				: soughtOtherDetails == null ? soughtBirthPlace : soughtBirthPlace + "\n" + soughtOtherDetails;
		return new PersonDetails(soughtNamePersian, soughtNameLatin, soughtFatherName, soughtBirthYear, other);
	}

}
