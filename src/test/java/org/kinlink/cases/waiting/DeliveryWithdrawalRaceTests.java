package org.kinlink.cases.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.DisclosureRefusedException;
import org.kinlink.cases.consent.CaseFixture;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.MessageStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #4 item 8: consent withdrawn while a delivery is being prepared. Whichever transaction commits later
 * loses cleanly: a withdrawal waits for a delivery that already rests on the decision (which was valid when it
 * was delivered), and a delivery that comes after a withdrawal in progress waits for it and is refused. Never is
 * a delivery recorded against a decision withdrawn before it. Two threads, latches, and the database's own view
 * of who waits for a lock; no sleeps.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeliveryWithdrawalRaceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FamilyMessages messages;

	@Autowired
	MessagesWaiting waiting;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationContext context;

	CaseFixture f;

	UUID letter;

	UUID basis;

	ExecutorService threads;

	@BeforeEach
	void consentAndALetter() throws Exception {
		f = new CaseFixture(context);
		letter = messages.receive(new LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر", "رضا کریمی", "Reza Karimi", "حسن",
				1988, null, "همه ما سالمیم.", "fa"));
		jdbc.sql("update messages.message set person_id = ?, status = 'ACCEPTED', accepted_at = now() where id = ?")
			.params(f.personId, letter)
			.update();
		f.consent(mvc, DisclosureLevel.RECEIVE_MESSAGES);
		basis = f.currentBasis();
		threads = Executors.newFixedThreadPool(2);
	}

	@AfterEach
	void stopThreads() throws InterruptedException {
		threads.shutdownNow();
		assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
	}

	/** Waits until some session of this database waits for a row lock (the other transaction's). */
	void awaitSomeoneBlocked() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("""
					select count(*) from pg_stat_activity
					where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()
					""").query(Long.class).single() > 0);
	}

	@Test
	void aWithdrawalWaitsForADeliveryAlreadyPrepared() throws Exception {
		CountDownLatch prepared = new CountDownLatch(1);
		CountDownLatch commitDelivery = new CountDownLatch(1);

		CompletableFuture<MessagesWaiting.Outcome> delivery = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
			MessagesWaiting.Outcome outcome = waiting.deliver(f.caseId, letter, f.caseworkerReader());
			prepared.countDown();
			awaitLatch(commitDelivery);
			return outcome;
		}), threads);
		assertThat(prepared.await(30, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Void> withdrawal = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> f.withdraw(basis)),
				threads);
		awaitSomeoneBlocked();
		assertThat(withdrawal).isNotDone();
		assertThat(row(basis).get("ended_at")).isNull();

		commitDelivery.countDown();
		assertThat(delivery.get(30, TimeUnit.SECONDS)).isEqualTo(MessagesWaiting.Outcome.DELIVERED);
		withdrawal.get(30, TimeUnit.SECONDS);

		Map<String, Object> delivered = jdbc.sql("select * from cases.message_delivery where message_id = ?").param(letter).query().singleRow();
		Map<String, Object> decision = row(basis);
		assertThat(delivered).containsEntry("legal_basis_id", basis);
		assertThat(decision).containsEntry("ended_how", "WITHDRAWN");
		assertThat((Timestamp) decision.get("ended_at")).isAfterOrEqualTo((Timestamp) delivered.get("delivered_at"));
		assertThat(messages.summary(letter).status()).isEqualTo(MessageStatus.DELIVERED);
		assertNoDeliveryAgainstAWithdrawnBasis();
	}

	@Test
	void aDeliveryAfterAWithdrawalInProgressWaitsAndIsRefused() throws Exception {
		CountDownLatch withdrawn = new CountDownLatch(1);
		CountDownLatch commitWithdrawal = new CountDownLatch(1);

		CompletableFuture<Void> withdrawal = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
			f.withdraw(basis);
			withdrawn.countDown();
			awaitLatch(commitWithdrawal);
		}), threads);
		assertThat(withdrawn.await(30, TimeUnit.SECONDS)).isTrue();

		AtomicReference<RuntimeException> refused = new AtomicReference<>();
		CompletableFuture<MessagesWaiting.Outcome> delivery = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
			try {
				return waiting.deliver(f.caseId, letter, f.caseworkerReader());
			}
			catch (DisclosureRefusedException e) {
				refused.set(e);
				return null;
			}
		}), threads);
		awaitSomeoneBlocked();
		assertThat(delivery).isNotDone();

		commitWithdrawal.countDown();
		withdrawal.get(30, TimeUnit.SECONDS);
		assertThat(delivery.get(30, TimeUnit.SECONDS)).isNull();

		assertThat(refused.get()).isInstanceOf(DisclosureRefusedException.class);
		assertThat(refused.get().getMessage()).isEqualTo("cases.disclosure.refused");
		assertThat(jdbc.sql("select count(*) from cases.message_delivery where message_id = ?").param(letter).query(Long.class).single())
			.isZero();
		assertThat(messages.summary(letter).status()).isEqualTo(MessageStatus.ACCEPTED);
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'disclosure' and outcome = 'DENIED' and record_id = ?")
			.param(f.personId.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertNoDeliveryAgainstAWithdrawnBasis();
	}

	@Test
	void aDeliveryWaitingOnASupersededDecisionRestsOnTheNewOne() throws Exception {
		CountDownLatch replaced = new CountDownLatch(1);
		CountDownLatch commitNewDecision = new CountDownLatch(1);
		AtomicReference<UUID> newBasis = new AtomicReference<>();

		CompletableFuture<Void> supersede = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
			jdbc.sql("update cases.legal_basis set ended_at = now(), ended_by = 'x', ended_how = 'SUPERSEDED' where id = ?").param(basis).update();
			UUID id = UUID.randomUUID();
			jdbc.sql("""
					insert into cases.legal_basis (id, case_id, person_id, basis, level, method, details, recorded_by, recorded_at)
					values (?, ?, ?, 'CONSENT', 'RELAY_MESSAGES', 'SIGNED', '\\x00', 'x', now())
					""").params(id, f.caseId, f.personId).update();
			newBasis.set(id);
			replaced.countDown();
			awaitLatch(commitNewDecision);
		}), threads);
		assertThat(replaced.await(30, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<MessagesWaiting.Outcome> delivery = CompletableFuture
			.supplyAsync(() -> transactions.execute(tx -> waiting.deliver(f.caseId, letter, f.caseworkerReader())), threads);
		awaitSomeoneBlocked();
		commitNewDecision.countDown();
		supersede.get(30, TimeUnit.SECONDS);

		assertThat(delivery.get(30, TimeUnit.SECONDS)).isEqualTo(MessagesWaiting.Outcome.DELIVERED);
		assertThat(jdbc.sql("select legal_basis_id from cases.message_delivery where message_id = ?").param(letter).query(UUID.class).single())
			.isEqualTo(newBasis.get());
	}

	private void assertNoDeliveryAgainstAWithdrawnBasis() {
		List<Map<String, Object>> bad = jdbc.sql("""
				select d.message_id from cases.message_delivery d join cases.legal_basis b on b.id = d.legal_basis_id
				where b.ended_how = 'WITHDRAWN' and b.ended_at < d.delivered_at
				""").query().listOfRows();
		assertThat(bad).isEmpty();
	}

	private Map<String, Object> row(UUID id) {
		return jdbc.sql("select * from cases.legal_basis where id = ?").param(id).query().singleRow();
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the test never released the transaction");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
