package org.kinlink.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.retention.rules.RetentionRule;
import org.kinlink.retention.rules.RetentionRules;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The administrator's retention page: changes are audited, bad periods get a clear message in the reader's language. */
@RetentionWebTest
class RetentionPagesTests {

	private static final String CATEGORY = "/staff/admin/retention/UNANSWERED_REPLIES";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RetentionRules rules;

	@Test
	void theAdministratorSeesEveryCategoryWithItsRule() throws Exception {
		mvc.perform(get("/staff/admin/retention").with(admin()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Rejected submissions")))
			.andExpect(content().string(containsString("Unanswered replies")))
			.andExpect(content().string(containsString("Closed cases")))
			.andExpect(content().string(containsString("Audit trail")));
	}

	@Test
	void aPeriodInPersianDigitsIsSavedAndTheChangeAudited() throws Exception {
		long before = audited();
		save("en", "۹۰", "DAYS", false).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/staff/admin/retention"));
		RetentionRule rule = rules.of(RetentionCategory.UNANSWERED_REPLIES);
		assertThat(rule.amount()).isEqualTo(90);
		assertThat(rule.unit()).isEqualTo(RetentionRule.Unit.DAYS);
		assertThat(rule.changedBy()).isEqualTo("admin");
		assertThat(audited()).isEqualTo(before + 1);

		save("en", "", "MONTHS", true).andExpect(status().is3xxRedirection());
		assertThat(rules.of(RetentionCategory.UNANSWERED_REPLIES).keeps()).isTrue();
		assertThat(audited()).isEqualTo(before + 2);
		save("en", "12", "MONTHS", false).andExpect(status().is3xxRedirection());
	}

	@Test
	void badPeriodsAreRefusedWithAMessageInTheReadersLanguage() throws Exception {
		RetentionRule before = rules.of(RetentionCategory.UNANSWERED_REPLIES);
		save("en", "-5", "DAYS", false).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The period must be between")));
		save("en", "99999999999", "MONTHS", false).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The period must be between")));
		save("en", "1201", "MONTHS", false).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The period must be between")));
		save("fa", "سه ماه", "MONTHS", false).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("مدت را به‌صورت عدد صحیح وارد کنید")));
		save("sq", "", "DAYS", false).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Shkruani një afat")));
		save("en", "30", "WEEKS", false).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose days or months")));
		mvc.perform(post("/staff/admin/retention/AUDIT_TRAIL").with(admin()).with(csrf()).header("Accept-Language", "en")
			.param("amount", "12").param("unit", "MONTHS").param("version", String.valueOf(rules.of(RetentionCategory.AUDIT_TRAIL).version())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The audit trail is always kept")));
		mvc.perform(post("/staff/admin/retention/NO_SUCH_THING").with(admin()).with(csrf()).param("amount", "1").param("unit", "DAYS")
			.param("version", "0")).andExpect(status().isNotFound());
		assertThat(rules.of(RetentionCategory.UNANSWERED_REPLIES)).isEqualTo(before);
		assertThat(rules.of(RetentionCategory.AUDIT_TRAIL).keeps()).isTrue();
	}

	@Test
	void aStaleVersionIsRefusedAsAChangeMadeMeanwhile() throws Exception {
		int version = rules.of(RetentionCategory.UNANSWERED_REPLIES).version();
		mvc.perform(post(CATEGORY).with(admin()).with(csrf()).header("Accept-Language", "en")
			.param("amount", "6").param("unit", "MONTHS").param("version", String.valueOf(version - 1)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Someone changed this rule meanwhile")));
	}

	@Test
	void theFollowUpIsMarkedAskedOnceAndAnUnknownOneIsNotFound() throws Exception {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into retention.follow_up (id, category, record_id, authority, reference, sent_at, shredded_at)
				values (?, 'CLOSED_CASES', ?, 'UNHCR Albania', 'REF-2026-0007', ?, ?)
				""").params(id, UUID.randomUUID(), java.sql.Timestamp.from(Instant.parse("2026-01-05T10:00:00Z")),
						java.sql.Timestamp.from(Instant.parse("2026-02-05T10:00:00Z"))).update();
		mvc.perform(post("/staff/admin/retention/follow-up/" + id + "/asked").with(user("liaison").roles("LIAISON")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/staff/admin/retention/follow-up/" + id + "/asked").with(admin()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select asked_by from retention.follow_up where id = ?").param(id).query(String.class).single())
			.isEqualTo("liaison");
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'retention.follow-up.asked' and record_id = ?")
			.param(id.toString()).query(Long.class).single()).isEqualTo(1);
		mvc.perform(get("/staff/admin/retention/follow-up").with(admin()).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("UNHCR Albania")))
			.andExpect(content().string(containsString("Asked on")));
		mvc.perform(post("/staff/admin/retention/follow-up/" + UUID.randomUUID() + "/asked").with(admin()).with(csrf()))
			.andExpect(status().isNotFound());
	}

	private ResultActions save(String language, String amount, String unit, boolean keep) throws Exception {
		var request = post(CATEGORY).with(admin()).with(csrf()).header("Accept-Language", language)
			.param("amount", amount).param("unit", unit)
			.param("version", String.valueOf(rules.of(RetentionCategory.UNANSWERED_REPLIES).version()));
		if (keep) {
			request.param("keep", "true");
		}
		return mvc.perform(request);
	}

	private long audited() {
		return jdbc.sql("select count(*) from audit.entry where action = 'retention.rule.change' and record_id = 'UNANSWERED_REPLIES'")
			.query(Long.class)
			.single();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return user("admin").roles("ADMIN");
	}

}
