package org.kinlink.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain head is locked only as a transaction commits, so auditing never takes part in a deadlock: one
 * transaction audits and then changes a row while another has changed that row and then audits (as a
 * delivery and the start of a translation once did on the same message). Entries still share their
 * transaction's fate.
 */
@AccountsWebTest
class AuditLockOrderTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	TransactionTemplate transactions;

	@BeforeEach
	void probe() {
		transactions = new TransactionTemplate(transactionManager);
		jdbc.sql("create table if not exists public.audit_lock_probe (id int primary key, n int not null)").update();
		jdbc.sql("insert into public.audit_lock_probe values (1, 0) on conflict (id) do nothing").update();
	}

	@Test
	void auditingThenUpdatingDoesNotDeadlockWithUpdatingThenAuditing() throws Exception {
		UUID record = UUID.randomUUID();
		CountDownLatch firstAudited = new CountDownLatch(1);
		CountDownLatch secondUpdated = new CountDownLatch(1);

		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
			trail.record(AuditEvent.success("lock.first", "probe", record));
			firstAudited.countDown();
			await(secondUpdated);
			jdbc.sql("update public.audit_lock_probe set n = n + 1 where id = 1").update();
		}));
		CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
			await(firstAudited);
			jdbc.sql("update public.audit_lock_probe set n = n + 1 where id = 1").update();
			secondUpdated.countDown();
			waitUntilASessionWaitsForALock();
			trail.record(AuditEvent.success("lock.second", "probe", record));
		}));

		// Before: PostgreSQL found a deadlock here after a second and aborted one of the two.
		CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
		assertThat(actions(record)).containsExactly("lock.second", "lock.first");
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void entriesCommitAndRollBackWithTheirTransaction() {
		UUID record = UUID.randomUUID();
		transactions.executeWithoutResult(status -> {
			trail.record(AuditEvent.success("fate.rolledBack", "probe", record));
			status.setRollbackOnly();
		});
		transactions.executeWithoutResult(status -> {
			trail.record(AuditEvent.success("fate.outer.1", "probe", record));
			TransactionTemplate inner = new TransactionTemplate(transactionManager);
			inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			inner.executeWithoutResult(innerStatus -> trail.record(AuditEvent.success("fate.inner", "probe", record)));
			assertThat(actions(record)).as("the inner transaction committed on its own").containsExactly("fate.inner");
			trail.record(AuditEvent.success("fate.outer.2", "probe", record));
		});
		trail.record(AuditEvent.success("fate.alone", "probe", record));

		assertThat(actions(record)).containsExactly("fate.inner", "fate.outer.1", "fate.outer.2", "fate.alone");
		assertThat(trail.verify().intact()).isTrue();
	}

	private List<String> actions(UUID record) {
		return jdbc.sql("select action from audit.entry where record_id = ? order by sequence")
			.param(record.toString())
			.query(String.class)
			.list();
	}

	/** Until the first transaction is blocked on the probe row, so that the second audits while it waits. */
	private void waitUntilASessionWaitsForALock() {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			Integer waiting = jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")
				.query(Integer.class)
				.single();
			if (waiting > 0) {
				return;
			}
			sleep(20);
		}
		throw new AssertionError("the first transaction never waited for the probe row");
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new AssertionError("the other transaction did not get there");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
