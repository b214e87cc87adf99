package org.kinlink.cases.file;

/**
 * The case's sealed fields. RESTRICTED ones (whereabouts, contact details, health, the safety plan) open only
 * for the caseworker of record and the team's supervisors; the needs assessment is CONFIDENTIAL and opens for
 * everyone who may see the case.
 */
public enum RestrictedField {

	SAFETY_PLAN("safety_plan", true), NEEDS("needs", false), WHEREABOUTS("whereabouts", true), CONTACT("contact", true),
	HEALTH("health", true);

	private final String column;

	private final boolean restricted;

	RestrictedField(String column, boolean restricted) {
		this.column = column;
		this.restricted = restricted;
	}

	String column() {
		return column;
	}

	public boolean restricted() {
		return restricted;
	}

}
