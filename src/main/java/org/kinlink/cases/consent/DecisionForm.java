package org.kinlink.cases.consent;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.kinlink.cases.DisclosureLevel;
import org.kinlink.shared.text.SafeText;

/**
 * The consent form: the level the person allows, how the decision was taken, the witness of an oral consent,
 * the named relatives (one per line) and the reason or note.
 */
record DecisionForm(@NotNull DisclosureLevel level, @NotNull LegalBasis.Method method, @SafeText(max = 200) String witness,
		@SafeText(max = 2000, multiline = true) String relatives, @SafeText(max = 4000, multiline = true) String reason) {

	static DecisionForm empty() {
		return new DecisionForm(null, null, null, null, null);
	}

	NewDecision decision() {
		List<String> names = relatives == null ? List.of() : Arrays.asList(relatives.split("\\R"));
		return new NewDecision(level, method, names, witness, reason);
	}

}
