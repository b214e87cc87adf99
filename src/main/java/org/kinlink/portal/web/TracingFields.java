package org.kinlink.portal.web;

import org.kinlink.tracing.SoughtPerson;
import org.kinlink.tracing.TracingSubmission;

/** What the tracing form and its JSON request have in common, for the rules that span several fields. */
interface TracingFields extends SoughtPerson {

	String soughtFatherName();

	String soughtBirthPlace();

	String soughtOtherDetails();

	String requesterName();

	String requesterRelationship();

	String language();

	default TracingSubmission toSubmission() {
		return new TracingSubmission(soughtNamePersian(), soughtNameLatin(), soughtFatherName(), birthYear(),
				soughtBirthPlace(), soughtOtherDetails(), requesterName(), requesterRelationship(), language());
	}

}
