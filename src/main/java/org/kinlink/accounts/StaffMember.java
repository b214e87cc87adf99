package org.kinlink.accounts;

import java.util.Set;

/** An enabled staff account as other modules see it: username, name to show, team (may be null) and roles. */
public record StaffMember(String username, String displayName, String team, Set<StaffRole> roles) {

	public boolean has(StaffRole role) {
		return roles.contains(role);
	}

	/** Whether both belong to the same, named team. */
	public boolean sameTeam(StaffMember other) {
		return team != null && !team.isBlank() && team.equals(other.team());
	}

}
