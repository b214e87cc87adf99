package org.kinlink.accounts.users;

import java.util.EnumSet;
import java.util.UUID;

import org.kinlink.accounts.StaffRole;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.web.IllegalTransitionException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates the first administrator, once; two racing setup forms cannot both win (table lock). */
@Service
public class FirstAdministrator {

	private final StaffUsers users;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	FirstAdministrator(StaffUsers users, PasswordEncoder passwords, AuditTrail audit, JdbcClient jdbc) {
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	public boolean exists() {
		return users.any();
	}

	@Transactional
	public void create(String username, String displayName, String password) {
		jdbc.sql("lock table accounts.staff_user in exclusive mode").update();
		if (users.any()) {
			throw new IllegalTransitionException("setup.alreadyDone");
		}
		UUID id = UUID.randomUUID();
		users.insert(new StaffUser(id, username, displayName, null, passwords.encode(password), EnumSet.of(StaffRole.ADMIN), true, 0));
		audit.recordAs(username, AuditEvent.success("account.setup", "staff_user", id));
	}

}
