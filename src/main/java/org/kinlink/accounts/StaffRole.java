package org.kinlink.accounts;

/** What a staff member may do; a person may hold several roles (DESIGN.md, Users and roles). */
public enum StaffRole {

	INTAKE, TRANSLATOR, REVIEWER, CASEWORKER, LIAISON, ADMIN, AUDITOR;

	/** The authority Spring Security checks, e.g. ROLE_INTAKE. */
	public String authority() {
		return "ROLE_" + name();
	}

}
