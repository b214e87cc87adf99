package org.kinlink.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** S17: the trail is append-only in the database, and any change made behind its back is found and named. */
@AccountsWebTest
class AuditChainTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChangedRowIsNamedByItsSequence() {
		long sequence = append("chain.tamper");
		assertThat(trail.verify().intact()).isTrue();
		Tampering tampering = new Tampering(jdbc);

		String original = tampering.changeDetail(sequence, "nothing happened here");
		try {
			ChainVerification result = trail.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBrokenSequence()).isEqualTo(sequence);
		}
		finally {
			tampering.changeDetail(sequence, original);
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void aRemovedRowIsFoundInTheMiddleAndAtTheEnd() {
		long middle = append("chain.middle");
		long last = append("chain.last");
		Tampering tampering = new Tampering(jdbc);

		Map<String, Object> removed = tampering.remove(middle);
		try {
			assertThat(trail.verify().firstBrokenSequence()).as("the next entry no longer links").isEqualTo(last);
		}
		finally {
			tampering.putBack(removed);
		}
		removed = tampering.remove(last);
		try {
			assertThat(trail.verify().firstBrokenSequence()).as("the head no longer matches").isEqualTo(-1L);
		}
		finally {
			tampering.putBack(removed);
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void updatesDeletesAndTruncationThroughSqlAreRefused() {
		long sequence = append("chain.refuse");

		assertThatThrownBy(() -> jdbc.sql("update audit.entry set detail = 'x' where sequence = ?").param(sequence).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit.entry where sequence = ?").param(sequence).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("truncate audit.entry").update()).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThat(jdbc.sql("select detail from audit.entry where sequence = ?").param(sequence).query(String.class).single())
			.isEqualTo("kept");
	}

	private long append(String type) {
		trail.recordAs("system", AuditEvent.success("test.appended", type, UUID.randomUUID()).withDetail("kept"));
		return jdbc.sql("select max(sequence) from audit.entry where record_type = ?").param(type).query(Long.class).single();
	}

}
