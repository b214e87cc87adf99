package org.kinlink.cases.consent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.consent.LegalBasis.Method;

/**
 * A decision about to be recorded, and the rules it must satisfy: an oral consent names its witness, sharing
 * contact details names the relatives, a vital-interest decision discloses something and carries a written
 * reason of real words. Only what the chosen level and method need is kept (data minimisation).
 */
record NewDecision(DisclosureLevel level, Method method, List<String> relatives, String witness, String reason) {

	/** A reason needs at least this many different words of two letters or more. */
	static final int REASON_WORDS = 3;

	static final int MAX_RELATIVES = 20;

	private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]+");

	NewDecision {
		relatives = relatives == null ? List.of()
				: relatives.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
		witness = blankToNull(witness);
		reason = blankToNull(reason);
	}

	/** A field and the message code of what is wrong with it. */
	record Problem(String field, String code) {
	}

	/** Everything wrong with the decision; empty when it may be recorded. */
	List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		if (level == null) {
			problems.add(new Problem("level", "consent.level.required"));
		}
		if (method == null) {
			problems.add(new Problem("method", "consent.method.required"));
		}
		if (method == Method.ORAL_WITNESSED && witness == null) {
			problems.add(new Problem("witness", "consent.witness.required"));
		}
		if (level == DisclosureLevel.SHARE_CONTACT && relatives.isEmpty()) {
			problems.add(new Problem("relatives", "consent.relatives.required"));
		}
		if (relatives.size() > MAX_RELATIVES) {
			problems.add(new Problem("relatives", "consent.relatives.tooMany"));
		}
		if (method == Method.SUPERVISOR_DECISION) {
			if (level == DisclosureLevel.NOTHING) {
				problems.add(new Problem("level", "consent.vital.discloses"));
			}
			if (reason == null) {
				problems.add(new Problem("reason", "consent.reason.required"));
			}
			else if (words(reason) < REASON_WORDS) {
				problems.add(new Problem("reason", "consent.reason.tooShort"));
			}
		}
		return problems;
	}

	LegalBasis.Kind kind() {
		return method.kind();
	}

	/** What is sealed: relatives only when contact details are shared, the witness only for an oral consent. */
	ConsentDetails details() {
		return new ConsentDetails(level == DisclosureLevel.SHARE_CONTACT ? relatives : List.of(),
				method == Method.ORAL_WITNESSED ? witness : null, reason);
	}

	static int words(String text) {
		Set<String> distinct = new HashSet<>();
		Matcher matcher = WORD.matcher(text);
		while (matcher.find()) {
			distinct.add(matcher.group().toLowerCase(Locale.ROOT));
		}
		return distinct.size();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
