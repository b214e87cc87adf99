package org.kinlink.cases.consent;

import java.util.List;

/**
 * The RESTRICTED part of a decision, sealed as one JSON text under the case key: the relatives the person
 * named (for sharing contact details), the witness of an oral consent, and the written reason or note.
 */
record ConsentDetails(List<String> relatives, String witness, String reason) {

	ConsentDetails {
		relatives = relatives == null ? List.of() : List.copyOf(relatives);
	}

}
