package org.kinlink.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.MovableClock;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.services.CaseFixture;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.Ntrex;
import org.kinlink.retention.rules.RetentionRule;
import org.kinlink.retention.rules.RetentionRules;
import org.kinlink.storage.SealBrokenException;
import org.kinlink.storage.Vault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * S7 with an injected clock: records made through the real services and pages, the clock moved past the
 * period, the pass run; then the ciphertext copied before cannot be opened, the pages say "removed by
 * retention", records inside their period and kept categories are untouched, and a second pass changes nothing.
 */
@RetentionWebTest
class RetentionJobTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	Vault vault;

	@Autowired
	FamilyMessages letters;

	@Autowired
	RetentionRules rules;

	@Autowired
	Retention retention;

	@Autowired
	CaseFixture cases;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void aRejectedLetterPastItsPeriodIsShreddedAndOneInsideItIsNot() throws Exception {
		rule(RetentionCategory.REJECTED_SUBMISSIONS, 90, RetentionRule.Unit.DAYS);
		rule(RetentionCategory.UNANSWERED_REPLIES, null, null);
		UUID old = rejectedLetter(Ntrex.PERSIAN_PLAIN);
		Sealed before = letterOf(old);
		assertThat(vault.openText(before.keyId(), before.bytes(), "messages.letter:" + old)).contains(Ntrex.PERSIAN_PLAIN);
		clock.advance(Duration.ofDays(60));
		UUID recent = rejectedLetter(Ntrex.PERSIAN_PLAIN_2);
		clock.advance(Duration.ofDays(31));

		assertThat(retention.enforceNow()).isGreaterThanOrEqualTo(1);

		assertThatThrownBy(() -> vault.open(before.keyId(), before.bytes(), "messages.letter:" + old))
			.isInstanceOf(SealBrokenException.class);
		Map<String, Object> tombstone = jdbc.sql("""
				select status, reference, rejected_at is not null as dated, shredded_at is not null as shredded,
				       length(letter) as letter_length, rejection_reason is null as no_reason, person_id is null as unlinked
				from messages.message where id = ?
				""").param(old).query().singleRow();
		assertThat(tombstone).containsEntry("status", "REJECTED").containsEntry("dated", true)
			.containsEntry("shredded", true).containsEntry("letter_length", 0).containsEntry("no_reason", true)
			.containsEntry("unlinked", true);
		Sealed kept = letterOf(recent);
		assertThat(vault.openText(kept.keyId(), kept.bytes(), "messages.letter:" + recent)).contains(Ntrex.PERSIAN_PLAIN_2);
		assertThat(shreddedAt(recent)).isFalse();

		mvc.perform(get("/staff/messages/" + old).with(user("intake").roles("INTAKE")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("removed by retention")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Maryam"))));
		mvc.perform(get("/staff/messages/" + recent).with(user("intake").roles("INTAKE")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Maryam Ahmadi")));
		mvc.perform(post("/staff/messages/" + old + "/replies").with(user("intake").roles("INTAKE")).with(csrf())
			.header("Accept-Language", "en")
			.param("text", "Are you still there?")).andExpect(status().isConflict());
	}

	@Test
	void aRestoredBackupIsPassedThroughRetentionAtOnce() throws Exception {
		rule(RetentionCategory.REJECTED_SUBMISSIONS, 10, RetentionRule.Unit.DAYS);
		UUID letter = rejectedLetter(Ntrex.ENGLISH_STREET);
		clock.advance(Duration.ofDays(11));
		assertThat(shreddedAt(letter)).isFalse();

		new org.springframework.transaction.support.TransactionTemplate(transactionManager).executeWithoutResult(
				status -> events.publishEvent(new org.kinlink.storage.BackupRestored(UUID.randomUUID(), clock.instant())));

		assertThat(shreddedAt(letter)).as("shredded by the restore itself, not by the next scheduled pass").isTrue();
	}

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	@Test
	void aSecondPassChangesNothingAndKeepKeeps() throws Exception {
		rule(RetentionCategory.REJECTED_SUBMISSIONS, 10, RetentionRule.Unit.DAYS);
		UUID letter = rejectedLetter(Ntrex.ENGLISH_STREET);
		clock.advance(Duration.ofDays(11));
		retention.enforceNow();
		assertThat(shreddedAt(letter)).isTrue();
		long entries = auditCount("retention.shred", letter);

		assertThat(retention.enforceNow()).isZero();
		assertThat(auditCount("retention.shred", letter)).isEqualTo(entries).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from retention.shredding where record_id = ?").param(letter).query(Long.class).single())
			.isEqualTo(1);

		rule(RetentionCategory.REJECTED_SUBMISSIONS, null, null);
		UUID kept = rejectedLetter(Ntrex.ENGLISH_PHONE_EMAIL);
		clock.advance(Duration.ofDays(3650));
		retention.enforceNow();
		Sealed still = letterOf(kept);
		assertThat(vault.openText(still.keyId(), still.bytes(), "messages.letter:" + kept)).contains("Samaritans");
		assertThat(shreddedAt(kept)).isFalse();
		rule(RetentionCategory.REJECTED_SUBMISSIONS, 3, RetentionRule.Unit.MONTHS);
	}

	@Test
	void aClosedCasePastItsPeriodIsShreddedItsAuthoritiesListedAndAnOpenOneUntouched() throws Exception {
		rule(RetentionCategory.CLOSED_CASES, 24, RetentionRule.Unit.MONTHS);
		CaseFixture.Team team = cases.team();
		CaseFile closed = cases.openCase(team);
		CaseFile open = cases.openCase(team);
		writeWhereabouts(team, closed, "Rruga e Kavajës 12, Tiranë");
		writeWhereabouts(team, open, "Rruga e Elbasanit 3, Tiranë");
		UUID authority = authority("Policia e Shtetit, Drejtoria e Durrësit");
		jdbc.sql("""
				insert into cases.notification (id, case_id, authority_id, authority_kind, state, created_at, due_at, dispatched_at)
				values (?, ?, ?, 'POLICE', 'DISPATCHED', now(), now(), now())
				""").params(UUID.randomUUID(), closed.id(), authority).update();
		mvc.perform(post("/staff/cases/" + closed.id() + "/close").with(team.asCaseworker()).with(csrf())
			.param("reason", "RESETTLED").param("note", "Moved to Italy with her brother").param("version", String.valueOf(version(closed))))
			.andExpect(status().is3xxRedirection());
		byte[] where = jdbc.sql("select whereabouts from cases.case_file where id = ?").param(closed.id()).query(byte[].class).single();
		String context = "cases.whereabouts:" + closed.id();
		assertThat(vault.openText(closed.keyId(), where, context)).isEqualTo("Rruga e Kavajës 12, Tiranë");

		clock.advance(Duration.ofDays(23 * 31));
		retention.enforceNow();
		assertThat(caseShredded(closed)).isFalse();
		clock.advance(Duration.ofDays(62));
		retention.enforceNow();

		assertThat(caseShredded(closed)).isTrue();
		assertThatThrownBy(() -> vault.open(closed.keyId(), where, context)).isInstanceOf(SealBrokenException.class);
		assertThat(jdbc.sql("select whereabouts is null and closure_note is null and state = 'CLOSED' from cases.case_file where id = ?")
			.param(closed.id()).query(Boolean.class).single()).isTrue();
		assertThat(caseShredded(open)).isFalse();
		byte[] openWhere = jdbc.sql("select whereabouts from cases.case_file where id = ?").param(open.id()).query(byte[].class).single();
		assertThat(vault.openText(open.keyId(), openWhere, "cases.whereabouts:" + open.id())).isEqualTo("Rruga e Elbasanit 3, Tiranë");

		mvc.perform(get("/staff/cases/" + closed.id()).with(team.asCaseworker()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("removed by retention")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Kavaj"))));
		mvc.perform(post("/staff/cases/" + closed.id() + "/reopen").with(team.asCaseworker()).with(csrf())
			.header("Accept-Language", "en").param("version", String.valueOf(version(closed))))
			.andExpect(status().isConflict());
		mvc.perform(get("/staff/admin/retention/follow-up").with(user("liaison").roles("LIAISON")).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Policia e Shtetit, Drejtoria e Durrësit")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Kavaj"))));
	}

	@Test
	void aFinishedExchangeWhoseLastReplyStayedUnansweredIsShreddedOneAnsweredIsNot() throws Exception {
		rule(RetentionCategory.REJECTED_SUBMISSIONS, null, null);
		rule(RetentionCategory.UNANSWERED_REPLIES, 30, RetentionRule.Unit.DAYS);
		UUID silent = rejectedLetter(Ntrex.PERSIAN_STREET);
		UUID answered = rejectedLetter(Ntrex.PERSIAN_TWO_STREETS);
		staffReply(silent);
		staffReply(answered);
		clock.advance(Duration.ofDays(20));
		letters.addFamilyReply(answered, "Yes, we are still here.");
		clock.advance(Duration.ofDays(11));

		retention.enforceNow();

		assertThat(shreddedAt(silent)).isTrue();
		assertThat(jdbc.sql("select count(*) from messages.reply where message_id = ? and length(body) > 0").param(silent)
			.query(Long.class).single()).isZero();
		assertThat(shreddedAt(answered)).isFalse();
		assertThat(jdbc.sql("select category from retention.shredding where record_id = ?").param(silent).query(String.class).single())
			.isEqualTo("UNANSWERED_REPLIES");
		rule(RetentionCategory.REJECTED_SUBMISSIONS, 3, RetentionRule.Unit.MONTHS);
		rule(RetentionCategory.UNANSWERED_REPLIES, 12, RetentionRule.Unit.MONTHS);
	}

	@Test
	void aNodeThatFindsTheLockTakenLeavesTheWorkToTheOtherNode() throws Exception {
		rule(RetentionCategory.REJECTED_SUBMISSIONS, 5, RetentionRule.Unit.DAYS);
		UUID letter = rejectedLetter(Ntrex.ALBANIAN_STREET);
		clock.advance(Duration.ofDays(6));
		try (java.sql.Connection other = dataSource.getConnection();
				java.sql.Statement statement = other.createStatement()) {
			// the same key RetentionJob takes with pg_try_advisory_xact_lock: another node is mid-pass
			statement.execute("select pg_advisory_lock(" + 0x4b4c5245544e4e4cL + ")");
			assertThat(retention.enforceNow()).isZero();
			assertThat(shreddedAt(letter)).isFalse();
			statement.execute("select pg_advisory_unlock(" + 0x4b4c5245544e4e4cL + ")");
		}
		assertThat(retention.enforceNow()).isGreaterThanOrEqualTo(1);
		assertThat(shreddedAt(letter)).isTrue();
		rule(RetentionCategory.REJECTED_SUBMISSIONS, 3, RetentionRule.Unit.MONTHS);
	}

	private void staffReply(UUID message) throws Exception {
		mvc.perform(post("/staff/messages/" + message + "/replies").with(user("intake").roles("INTAKE")).with(csrf())
			.param("text", "Could you tell us the town where he lived?")).andExpect(status().is3xxRedirection());
	}

	private void rule(RetentionCategory category, Integer amount, RetentionRule.Unit unit) {
		rules.change(category, amount, unit, rules.of(category).version(), "retention-test");
	}

	private UUID rejectedLetter(String text) throws Exception {
		UUID id = letters.receive(new LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر", "علی احمدی", "Ali Ahmadi",
				"حسن", 1990, "قد بلند", text, "fa", 0));
		mvc.perform(post("/staff/messages/" + id + "/reject").with(user("intake").roles("INTAKE")).with(csrf())
			.param("reason", "Not a letter for a relative")).andExpect(status().is3xxRedirection());
		return id;
	}

	private record Sealed(UUID keyId, byte[] bytes) {
	}

	private Sealed letterOf(UUID id) {
		return jdbc.sql("select key_id, letter from messages.message where id = ?")
			.param(id)
			.query((rs, n) -> new Sealed(rs.getObject("key_id", UUID.class), rs.getBytes("letter")))
			.single();
	}

	private boolean shreddedAt(UUID message) {
		return jdbc.sql("select shredded_at is not null from messages.message where id = ?").param(message).query(Boolean.class).single();
	}

	private boolean caseShredded(CaseFile file) {
		return jdbc.sql("select shredded_at is not null from cases.case_file where id = ?").param(file.id()).query(Boolean.class).single();
	}

	private int version(CaseFile file) {
		return jdbc.sql("select version from cases.case_file where id = ?").param(file.id()).query(Integer.class).single();
	}

	private long auditCount(String action, UUID record) {
		return jdbc.sql("select count(*) from audit.entry where action = ? and record_id = ?")
			.params(action, record.toString())
			.query(Long.class)
			.single();
	}

	private void writeWhereabouts(CaseFixture.Team team, CaseFile file, String where) throws Exception {
		mvc.perform(post("/staff/cases/" + file.id() + "/restricted").with(team.asCaseworker()).with(csrf())
			.param("whereabouts", where).param("contact", "").param("health", "").param("safetyPlan", "")
			.param("version", String.valueOf(version(file))))
			.andExpect(status().is3xxRedirection());
	}

	private UUID authority(String name) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into referrals.authority (id, name, kind, language, postal_address, email, ack_deadline_days,
				  created_at, updated_at)
				values (?, ?, 'POLICE', 'sq', 'Rruga e Durrësit, Tiranë', ?, 14, now(), now())
				""").params(id, name, id + "@kinlink.test").update();
		return id;
	}

}
