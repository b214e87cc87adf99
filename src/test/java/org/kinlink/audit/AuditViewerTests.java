package org.kinlink.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The auditor's view: newest first, keyset pages of 50, a record-type filter and the chain check. */
@AccountsWebTest
class AuditViewerTests {

	private static final RequestPostProcessor AUDITOR = user("the-auditor").roles("AUDITOR");

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void showsOneTypeNewestFirstInKeysetPages() throws Exception {
		String type = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 60; i++) {
			trail.recordAs("system", AuditEvent.success("test.paged", type, "r" + i));
		}

		Document first = page("/staff/audit?type=" + type);
		List<String> firstIds = recordIds(first);
		assertThat(firstIds).hasSize(50).startsWith("r59", "r58").endsWith("r10");
		assertThat(first.select("tbody tr")).allSatisfy(row -> assertThat(row.text()).contains(type));
		Element older = first.selectFirst("a[href*=before=]");
		assertThat(older).isNotNull();

		Document second = page(older.attr("href"));
		assertThat(recordIds(second)).hasSize(10).startsWith("r9").endsWith("r0");
		assertThat(second.selectFirst("a[href*=before=]")).as("no page after the last").isNull();
	}

	@Test
	void anUnknownTypeShowsEverythingAndAMalformedCursorIsABadRequest() throws Exception {
		trail.recordAs("system", AuditEvent.success("test.any", "viewer-any", "x"));
		assertThat(page("/staff/audit?type=no-such-type").select("tbody tr")).isNotEmpty();
		assertThat(page("/staff/audit?before=-3").select("tbody tr")).isNotEmpty();
		mvc.perform(get("/staff/audit?before=abc").with(AUDITOR)).andExpect(status().isBadRequest());
	}

	@Test
	void theChainCheckSaysIntactOrNamesTheBrokenEntry() throws Exception {
		assertThat(page("/staff/audit/verify").select(".alert-success").text()).contains("The chain is intact");

		trail.recordAs("system", AuditEvent.success("test.verify", "viewer-verify", "v").withDetail("as it was"));
		long sequence = jdbc.sql("select max(sequence) from audit.entry where record_type = 'viewer-verify'").query(Long.class).single();
		Tampering tampering = new Tampering(jdbc);
		String original = tampering.changeDetail(sequence, "rewritten");
		try {
			assertThat(page("/staff/audit/verify").select(".alert-danger").text())
				.contains("The chain is broken at entry " + sequence + ".");
		}
		finally {
			tampering.changeDetail(sequence, original);
		}
		assertThat(jdbc.sql("select detail from audit.entry where action = 'audit.verified' order by sequence desc limit 1")
			.query(String.class)
			.single()).isEqualTo("broken:" + sequence);
	}

	@Test
	void speaksPersianAndAlbanian() throws Exception {
		assertThat(mvc.perform(get("/staff/audit").with(AUDITOR).header("Accept-Language", "fa"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("ردپای حسابرسی").contains("بررسی زنجیره");
		assertThat(mvc.perform(get("/staff/audit/verify").with(AUDITOR).header("Accept-Language", "sq"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Verifikimi i zinxhirit të auditimit");
	}

	private Document page(String path) throws Exception {
		String html = mvc.perform(get(path).with(AUDITOR)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return Jsoup.parse(html, "http://localhost");
	}

	private static List<String> recordIds(Document page) {
		return page.select("tbody tr td:nth-child(6) span.font-monospace").eachText();
	}

}
