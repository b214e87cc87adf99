package org.kinlink.cases.casefile;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.kinlink.cases.file.CaseFile;
import org.kinlink.shared.text.SafeText;

/** The forms of the case page; each carries the case version it was read at (optimistic locking). */
final class CaseForms {

	/** Vulnerability categories a case may carry. */
	static final List<String> VULNERABILITIES = List.of("MINOR", "ELDERLY", "CHRONIC_ILLNESS", "DISABILITY", "PREGNANCY",
			"TRAUMA");

	/** Closure reasons, as the schema allows them. */
	static final List<String> CLOSURE_REASONS = List.of("SELF_RELIANT", "RESETTLED", "RETURNED_TO_FAMILY",
			"LOST_CONTACT", "TRANSFERRED", "DECEASED", "OTHER");

	private CaseForms() {
	}

	/** Risk level and vulnerabilities. */
	record AssessmentForm(@NotNull CaseFile.RiskLevel riskLevel, Set<String> vulnerabilities, @NotNull Integer version) {

		AssessmentForm withVersion(int v) {
			return new AssessmentForm(riskLevel, vulnerabilities, v);
		}

	}

	/** The needs assessment (CONFIDENTIAL: everyone who sees the case). */
	record NeedsForm(@SafeText(max = 8000, multiline = true) String needs, @NotNull Integer version) {

		NeedsForm withVersion(int v) {
			return new NeedsForm(needs, v);
		}

	}

	/** The RESTRICTED fields: whereabouts, contact details, health and the safety plan. */
	record RestrictedForm(@SafeText(max = 4000, multiline = true) String whereabouts,
			@SafeText(max = 4000, multiline = true) String contact, @SafeText(max = 4000, multiline = true) String health,
			@SafeText(max = 8000, multiline = true) String safetyPlan, @NotNull Integer version) {

		RestrictedForm withVersion(int v) {
			return new RestrictedForm(whereabouts, contact, health, safetyPlan, v);
		}

	}

	/** Another caseworker of record (supervisors only). */
	record AssignForm(@NotBlank @SafeText(max = 100) String caseworker, @NotNull Integer version) {

		AssignForm withVersion(int v) {
			return new AssignForm(caseworker, v);
		}

	}

	/** Closure: a reason code and a sealed note. */
	record CloseForm(@NotBlank @Pattern(regexp = "SELF_RELIANT|RESETTLED|RETURNED_TO_FAMILY|LOST_CONTACT|TRANSFERRED|DECEASED|OTHER",
			message = "{cases.close.reason.invalid}") String reason, @NotBlank @SafeText(max = 4000, multiline = true) String note,
			@NotNull Integer version) {

		CloseForm withVersion(int v) {
			return new CloseForm(reason, note, v);
		}

	}

	/** Reopening a closed case. */
	record ReopenForm(@NotNull Integer version) {
	}

}
