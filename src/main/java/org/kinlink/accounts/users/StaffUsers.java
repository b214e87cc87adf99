package org.kinlink.accounts.users;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kinlink.accounts.StaffRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff accounts table. */
@Repository
class StaffUsers {

	private final JdbcClient jdbc;

	StaffUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from accounts.staff_user)").query(Boolean.class).single();
	}

	Optional<StaffUser> byUsername(String username) {
		return jdbc.sql("select * from accounts.staff_user where username = ?").param(username).query(StaffUsers::row).optional();
	}

	Optional<StaffUser> byId(UUID id) {
		return jdbc.sql("select * from accounts.staff_user where id = ?").param(id).query(StaffUsers::row).optional();
	}

	List<StaffUser> all() {
		return jdbc.sql("select * from accounts.staff_user order by username").query(StaffUsers::row).list();
	}

	/** The stamp of an enabled account, or empty when the account is gone or disabled. */
	Optional<Long> stampOfEnabled(UUID id) {
		return jdbc.sql("select stamp from accounts.staff_user where id = ? and enabled").param(id).query(Long.class).optional();
	}

	/**
	 * Serialises changes to roles and enabled flags, so that two administrators demoting each other at the
	 * same moment cannot leave Kinlink without one. Readers are not blocked.
	 */
	void lockForRoleChange() {
		jdbc.sql("lock table accounts.staff_user in share row exclusive mode").update();
	}

	long enabledAdmins() {
		return jdbc.sql("select count(*) from accounts.staff_user where enabled and 'ADMIN' = any(roles)").query(Long.class).single();
	}

	void insert(StaffUser user) {
		jdbc.sql("""
				insert into accounts.staff_user (id, username, display_name, team, password_hash, roles, enabled, stamp)
				values (?, ?, ?, ?, ?, ?::text[], ?, ?)
				""")
			.params(user.id(), user.username(), user.displayName(), user.team(), user.passwordHash(), rolesLiteral(user.roles()),
					user.enabled(), user.stamp())
			.update();
	}

	/*
	 * Every change below touches only its own columns and applies only if the account still has the stamp the
	 * caller read: a change made meanwhile (a disable, a role change, a reset) raised the stamp, so the stale
	 * write changes nothing and the caller learns it from the false result. Never write a whole row read earlier.
	 */

	/** Sets a new password hash (or none, when a reset starts) and ends the account's sessions. */
	boolean changePassword(UUID id, String newHash, long expectedStamp) {
		return jdbc.sql("update accounts.staff_user set password_hash = ?, stamp = stamp + 1 where id = ? and stamp = ?")
			.params(newHash, id, expectedStamp)
			.update() == 1;
	}

	/**
	 * Replaces the hash of the same password with one of today's parameters; sessions stay. Applies only if
	 * neither the password nor anything else changed since the caller read the account.
	 */
	boolean rehashPassword(UUID id, String oldHash, String newHash, long expectedStamp) {
		return jdbc.sql("update accounts.staff_user set password_hash = ? where id = ? and stamp = ? and password_hash = ?")
			.params(newHash, id, expectedStamp, oldHash)
			.update() == 1;
	}

	boolean changeRoles(UUID id, Set<StaffRole> roles, long expectedStamp) {
		return jdbc.sql("update accounts.staff_user set roles = ?::text[], stamp = stamp + 1 where id = ? and stamp = ?")
			.params(rolesLiteral(roles), id, expectedStamp)
			.update() == 1;
	}

	/** Moves the account to another team (null: none); its sessions end, as the cases it sees change. */
	boolean changeTeam(UUID id, String team, long expectedStamp) {
		return jdbc.sql("update accounts.staff_user set team = ?, stamp = stamp + 1 where id = ? and stamp = ?")
			.params(team, id, expectedStamp)
			.update() == 1;
	}

	boolean changeEnabled(UUID id, boolean enabled, long expectedStamp) {
		return jdbc.sql("update accounts.staff_user set enabled = ?, stamp = stamp + 1 where id = ? and stamp = ?")
			.params(enabled, id, expectedStamp)
			.update() == 1;
	}

	private static String rolesLiteral(Set<StaffRole> roles) {
		return roles.stream().map(StaffRole::name).sorted().collect(Collectors.joining(",", "{", "}"));
	}

	static StaffUser row(ResultSet rs, int rowNum) throws SQLException {
		Array array = rs.getArray("roles");
		Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
		Arrays.stream((String[]) array.getArray()).map(StaffRole::valueOf).forEach(roles::add);
		return new StaffUser(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				rs.getString("team"), rs.getString("password_hash"), roles, rs.getBoolean("enabled"), rs.getLong("stamp"));
	}

}
