package org.kinlink.audit;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What someone with database superuser rights could do behind Kinlink's back: switch the append-only trigger
 * off, change or remove a row, switch it on again. Each change can be undone, so tests leave the chain whole.
 */
public final class Tampering {

	private final JdbcClient jdbc;

	public Tampering(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sets the detail of one entry and returns the detail it had. */
	public String changeDetail(long sequence, String detail) {
		String before = jdbc.sql("select detail from audit.entry where sequence = ?").param(sequence).query(String.class).optional().orElse(null);
		behindTheTrigger(() -> jdbc.sql("update audit.entry set detail = ? where sequence = ?").params(detail, sequence).update());
		return before;
	}

	/** Removes one entry and returns its row, so that it can be put back. */
	public Map<String, Object> remove(long sequence) {
		Map<String, Object> row = jdbc.sql("select * from audit.entry where sequence = ?").param(sequence).query().singleRow();
		behindTheTrigger(() -> jdbc.sql("delete from audit.entry where sequence = ?").param(sequence).update());
		return row;
	}

	public void putBack(Map<String, Object> row) {
		jdbc.sql("""
				insert into audit.entry (sequence, at, actor, origin, action, record_type, record_id, outcome, detail, prev_hash, hash)
				values (:sequence, :at, :actor, :origin, :action, :record_type, :record_id, :outcome, :detail, :prev_hash, :hash)
				""").paramSource(row).update();
	}

	private void behindTheTrigger(Runnable change) {
		jdbc.sql("alter table audit.entry disable trigger entry_append_only").update();
		try {
			change.run();
		}
		finally {
			jdbc.sql("alter table audit.entry enable trigger entry_append_only").update();
		}
	}

}
