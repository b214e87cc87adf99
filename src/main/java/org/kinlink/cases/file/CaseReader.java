package org.kinlink.cases.file;

/**
 * Who is looking at cases: the signed-in username, their team (may be null) and whether they are a caseworker
 * and/or a supervisor. Built by {@link CaseAccess#reader}.
 */
public record CaseReader(String username, String team, boolean caseworker, boolean supervisor) {

	/** Own cases, and the cases of one's named team (S13). */
	public boolean sees(CaseFile file) {
		if (!caseworker && !supervisor) {
			return false;
		}
		return username.equals(file.caseworker()) || team != null && !team.isBlank() && team.equals(file.team());
	}

	/** RESTRICTED fields: the caseworker of record, and supervisors of the case's team. */
	public boolean opensRestricted(CaseFile file) {
		return caseworker && username.equals(file.caseworker()) || supervisor && sees(file);
	}

}
