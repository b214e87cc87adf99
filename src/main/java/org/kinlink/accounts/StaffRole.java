package org.kinlink.accounts;

/**
 * What a staff member may do; a person may hold several roles (DESIGN.md, Users and roles). SUPERVISOR
 * oversees the casework of a team: sees the team's cases with their RESTRICTED fields, takes escalated
 * deadlines, and alone may record a vital-interest decision.
 */
public enum StaffRole {

	INTAKE, TRANSLATOR, REVIEWER, CASEWORKER, SUPERVISOR, LIAISON, ADMIN, AUDITOR;

	/** The authority Spring Security checks, e.g. ROLE_INTAKE. */
	public String authority() {
		return "ROLE_" + name();
	}

}
