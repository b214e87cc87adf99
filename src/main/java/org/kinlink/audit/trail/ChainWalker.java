package org.kinlink.audit.trail;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.ChainVerification;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Recomputes every hash in order and compares it with the stored one and with the next entry's link. */
class ChainWalker {

	private final JdbcClient jdbc;

	ChainWalker(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ChainVerification walk() {
		AtomicReference<String> previous = new AtomicReference<>(ChainHash.GENESIS);
		AtomicLong checked = new AtomicLong();
		AtomicReference<Long> broken = new AtomicReference<>();
		// Streamed in batches: the trail grows without bound and must not be loaded at once.
		jdbc.sql("select * from audit.entry order by sequence").withFetchSize(1000).query(rs -> {
			if (broken.get() != null) {
				return;
			}
			AuditEntry entry = AuditRows.entry(rs, 0);
			String expected = ChainHash.of(previous.get(), entry);
			if (!previous.get().equals(rs.getString("prev_hash")) || !expected.equals(entry.hash())) {
				broken.set(entry.sequence());
				return;
			}
			checked.incrementAndGet();
			previous.set(entry.hash());
		});
		if (broken.get() == null) {
			String head = jdbc.sql("select hash from audit.chain_head where id = 1").query(String.class).single();
			if (!head.equals(previous.get())) {
				broken.set(-1L); // entries were removed from the end
			}
		}
		return new ChainVerification(checked.get(), broken.get());
	}

}
