package org.kinlink.accounts.users;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kinlink.accounts.StaffDirectory;
import org.kinlink.accounts.StaffMember;
import org.kinlink.accounts.StaffRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff directory read from the accounts table: enabled accounts only. */
@Repository
class JdbcStaffDirectory implements StaffDirectory {

	private static final String COLUMNS = "select username, display_name, team, roles from accounts.staff_user where enabled ";

	private final JdbcClient jdbc;

	JdbcStaffDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<StaffMember> member(String username) {
		return jdbc.sql(COLUMNS + "and username = ?").param(username).query(JdbcStaffDirectory::row).optional();
	}

	@Override
	public List<StaffMember> withRole(StaffRole role) {
		return jdbc.sql(COLUMNS + "and ? = any(roles) order by username").param(role.name()).query(JdbcStaffDirectory::row).list();
	}

	@Override
	public List<StaffMember> team(String team) {
		if (team == null || team.isBlank()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + "and team = ? order by username").param(team).query(JdbcStaffDirectory::row).list();
	}

	private static StaffMember row(ResultSet rs, int rowNum) throws SQLException {
		Array array = rs.getArray("roles");
		Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
		Arrays.stream((String[]) array.getArray()).map(StaffRole::valueOf).forEach(roles::add);
		return new StaffMember(rs.getString("username"), rs.getString("display_name"), rs.getString("team"), Set.copyOf(roles));
	}

}
