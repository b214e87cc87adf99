package org.kinlink.accounts;

import java.util.List;
import java.util.Optional;

/**
 * Who the staff are, for modules that assign work or check a team (casework's record scopes, escalation to a
 * supervisor). Enabled accounts only; nothing about passwords or sessions.
 */
public interface StaffDirectory {

	/** The enabled account with this username, if any. */
	Optional<StaffMember> member(String username);

	/** Enabled accounts holding the role, by username. */
	List<StaffMember> withRole(StaffRole role);

	/** Enabled accounts of the team, by username; none for a blank team. */
	List<StaffMember> team(String team);

}
