package org.kinlink.retention.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.retention.RetentionCategory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's retention rules: read by the job and the page, changed by the page (audited). */
@Service
public class RetentionRules {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	RetentionRules(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<RetentionRule> all() {
		return jdbc.sql("select * from retention.rule").query(RetentionRules::row).list().stream()
			.sorted(java.util.Comparator.comparing(RetentionRule::category))
			.toList();
	}

	@Transactional(readOnly = true)
	public RetentionRule of(RetentionCategory category) {
		return jdbc.sql("select * from retention.rule where category = ?").param(category.name()).query(RetentionRules::row).single();
	}

	/**
	 * Sets a category's rule (amount null: keep). Refuses a period for the audit trail and out-of-range values;
	 * a stale version means someone changed it meanwhile.
	 */
	@Transactional
	public void change(RetentionCategory category, Integer amount, RetentionRule.Unit unit, int version, String by) {
		if (amount != null && (!RetentionRule.periodAllowed(category) || unit == null || amount < 1
				|| amount > (unit == RetentionRule.Unit.DAYS ? RetentionRule.MAX_DAYS : RetentionRule.MAX_MONTHS))) {
			throw new IllegalArgumentException("retention period out of range");
		}
		int changed = jdbc.sql("""
				update retention.rule set amount = ?, unit = ?, changed_at = ?, changed_by = ?, version = version + 1
				where category = ? and version = ?
				""")
			.params(amount, amount == null ? null : unit.name(), Timestamp.from(clock.instant()), by, category.name(), version)
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("retention rule changed meanwhile");
		}
		audit.record(AuditEvent.success("retention.rule.change", "retention-rule", category.name())
			.withDetail(amount == null ? "KEEP" : amount + " " + unit.name()));
	}

	private static RetentionRule row(ResultSet rs, int n) throws SQLException {
		int amount = rs.getInt("amount");
		Integer value = rs.wasNull() ? null : amount;
		String unit = rs.getString("unit");
		Timestamp at = rs.getTimestamp("changed_at");
		return new RetentionRule(RetentionCategory.valueOf(rs.getString("category")), value,
				unit == null ? null : RetentionRule.Unit.valueOf(unit), at == null ? null : at.toInstant(),
				rs.getString("changed_by"), rs.getInt("version"));
	}

}
