package org.kinlink.cases.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.consent.LegalBasis.Method;
import org.kinlink.cases.consent.NewDecision.Problem;

/** The rules a decision must satisfy before it is recorded, and what of it is kept. */
class NewDecisionTests {

	@Test
	void aSignedConsentNeedsOnlyItsLevel() {
		assertThat(new NewDecision(DisclosureLevel.RECEIVE_MESSAGES, Method.SIGNED, List.of(), null, null).problems()).isEmpty();
		assertThat(new NewDecision(DisclosureLevel.NOTHING, Method.SIGNED, null, " ", "").problems()).isEmpty();
	}

	@Test
	void anOralConsentNeedsItsWitness() {
		assertThat(new NewDecision(DisclosureLevel.ALIVE_AND_WELL, Method.ORAL_WITNESSED, List.of(), "  ", null).problems())
			.containsExactly(new Problem("witness", "consent.witness.required"));
		assertThat(new NewDecision(DisclosureLevel.ALIVE_AND_WELL, Method.ORAL_WITNESSED, List.of(), "Elira Hoxha", null)
			.problems()).isEmpty();
	}

	@Test
	void sharingContactDetailsNeedsNamedRelatives() {
		assertThat(new NewDecision(DisclosureLevel.SHARE_CONTACT, Method.SIGNED, List.of(" ", ""), null, null).problems())
			.containsExactly(new Problem("relatives", "consent.relatives.required"));
		assertThat(new NewDecision(DisclosureLevel.SHARE_CONTACT, Method.SIGNED, List.of("مریم احمدی"), null, null).problems())
			.isEmpty();
	}

	@Test
	void refusesMoreThanTwentyRelatives() {
		List<String> many = java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "Relative " + (char) ('a' + i)).toList();
		assertThat(new NewDecision(DisclosureLevel.SHARE_CONTACT, Method.SIGNED, many, null, null).problems())
			.containsExactly(new Problem("relatives", "consent.relatives.tooMany"));
	}

	@Test
	void aVitalInterestDecisionNeedsAReasonOfRealWords() {
		assertThat(vital(DisclosureLevel.ALIVE_AND_WELL, null).problems()).containsExactly(new Problem("reason", "consent.reason.required"));
		assertThat(vital(DisclosureLevel.ALIVE_AND_WELL, "   ").problems()).containsExactly(new Problem("reason", "consent.reason.required"));
		assertThat(vital(DisclosureLevel.ALIVE_AND_WELL, "ok ok ok ok").problems()).containsExactly(new Problem("reason", "consent.reason.tooShort"));
		assertThat(vital(DisclosureLevel.ALIVE_AND_WELL, "x 1 2 3 !!!").problems()).containsExactly(new Problem("reason", "consent.reason.tooShort"));
		assertThat(vital(DisclosureLevel.ALIVE_AND_WELL, "مادرش در بیمارستان بستری است").problems()).isEmpty();
		assertThat(vital(DisclosureLevel.ALIVE_AND_WELL, "Family doctor needs confirmation").problems()).isEmpty();
	}

	@Test
	void aVitalInterestDecisionMustDiscloseSomething() {
		assertThat(vital(DisclosureLevel.NOTHING, "The police asked about her safety").problems())
			.containsExactly(new Problem("level", "consent.vital.discloses"));
	}

	@Test
	void missingLevelAndMethodAreNamed() {
		assertThat(new NewDecision(null, null, null, null, null).problems()).containsExactly(
				new Problem("level", "consent.level.required"), new Problem("method", "consent.method.required"));
	}

	@Test
	void keepsOnlyWhatTheLevelAndMethodNeed() {
		ConsentDetails details = new NewDecision(DisclosureLevel.RELAY_MESSAGES, Method.SIGNED, List.of("Maryam"), "Elira", "note")
			.details();
		assertThat(details.relatives()).isEmpty();
		assertThat(details.witness()).isNull();
		assertThat(details.reason()).isEqualTo("note");
		ConsentDetails shared = new NewDecision(DisclosureLevel.SHARE_CONTACT, Method.ORAL_WITNESSED,
				List.of(" Maryam ", "Maryam", "Ali"), " Elira ", null).details();
		assertThat(shared.relatives()).containsExactly("Maryam", "Ali");
		assertThat(shared.witness()).isEqualTo("Elira");
	}

	@Test
	void theMethodDecidesWhoseDecisionItIs() {
		assertThat(vital(DisclosureLevel.ALIVE_AND_WELL, "a b c").kind()).isEqualTo(LegalBasis.Kind.VITAL_INTEREST);
		assertThat(new NewDecision(DisclosureLevel.ALIVE_AND_WELL, Method.SIGNED, null, null, null).kind())
			.isEqualTo(LegalBasis.Kind.CONSENT);
	}

	private static NewDecision vital(DisclosureLevel level, String reason) {
		return new NewDecision(level, Method.SUPERVISOR_DECISION, List.of(), null, reason);
	}

}
