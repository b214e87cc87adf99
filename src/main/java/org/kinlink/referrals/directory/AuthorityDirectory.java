package org.kinlink.referrals.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The authorities directory: every change is audited; an authority is deactivated, never deleted. */
@Service
public class AuthorityDirectory {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	AuthorityDirectory(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Authority> all() {
		return jdbc.sql("select * from referrals.authority order by active desc, lower(name)").query(AuthorityDirectory::row).list();
	}

	@Transactional(readOnly = true)
	public List<Authority> active() {
		return jdbc.sql("select * from referrals.authority where active order by lower(name)").query(AuthorityDirectory::row).list();
	}

	@Transactional(readOnly = true)
	public Optional<Authority> find(UUID id) {
		return jdbc.sql("select * from referrals.authority where id = ?").param(id).query(AuthorityDirectory::row).optional();
	}

	/** The authority, or {@link RecordNotFoundException} (404) when there is none with this id. */
	@Transactional(readOnly = true)
	public Authority get(UUID id) {
		return find(id).orElseThrow(RecordNotFoundException::new);
	}

	@Transactional
	UUID create(AuthorityForm form) {
		UUID id = UUID.randomUUID();
		Instant now = now();
		jdbc.sql("""
				insert into referrals.authority (id, name, kind, language, postal_address, email, ack_deadline_days, active, created_at, updated_at)
				values (:id, :name, :kind, :language, :address, :email, :days, true, :now, :now)
				""")
			.param("id", id)
			.param("name", form.name())
			.param("kind", form.kind().name())
			.param("language", form.language())
			.param("address", form.postalAddress())
			.param("email", form.email())
			.param("days", form.acknowledgementDays())
			.param("now", Timestamp.from(now))
			.update();
		audit.record(AuditEvent.success("authority.create", "authority", id).withDetail(form.kind().name()));
		return id;
	}

	@Transactional
	void update(UUID id, AuthorityForm form) {
		Authority current = get(id);
		if (!current.active()) {
			throw new IllegalTransitionException("referrals.authority.inactive");
		}
		int updated = jdbc.sql("""
				update referrals.authority set name = :name, kind = :kind, language = :language, postal_address = :address,
				  email = :email, ack_deadline_days = :days, updated_at = :now, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", id)
			.param("version", form.version() == null ? current.version() : form.version())
			.param("name", form.name())
			.param("kind", form.kind().name())
			.param("language", form.language())
			.param("address", form.postalAddress())
			.param("email", form.email())
			.param("days", form.acknowledgementDays())
			.param("now", Timestamp.from(now()))
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("authority " + id + " changed meanwhile");
		}
		audit.record(AuditEvent.success("authority.update", "authority", id).withDetail(changeDetail(current, form)));
	}

	@Transactional
	void deactivate(UUID id) {
		Authority current = get(id);
		if (!current.active()) {
			throw new IllegalTransitionException("referrals.authority.inactive");
		}
		jdbc.sql("update referrals.authority set active = false, updated_at = ?, version = version + 1 where id = ?")
			.params(Timestamp.from(now()), id)
			.update();
		audit.record(AuditEvent.success("authority.deactivate", "authority", id));
	}

	/**
	 * The kind, and the e-mail address whenever it changed (old and new): a re-routed mailbox must be visible in
	 * the trail. Both are the organisation's own data, never a person's.
	 */
	static String changeDetail(Authority before, AuthorityForm after) {
		String kind = before.kind() == after.kind() ? "kind=" + after.kind().name()
				: "kind=" + before.kind().name() + "->" + after.kind().name();
		if (before.email().equals(after.email())) {
			return kind;
		}
		return kind + ";email=" + before.email() + "->" + after.email();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Authority row(ResultSet rs, int n) throws SQLException {
		return new Authority(rs.getObject("id", UUID.class), rs.getString("name"), AuthorityKind.valueOf(rs.getString("kind")),
				rs.getString("language"), rs.getString("postal_address"), rs.getString("email"), rs.getInt("ack_deadline_days"),
				rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("version"));
	}

}
