package org.kinlink.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every export is audited with who took it and in which format. Outside a test transaction on purpose: audit
 * entries are chained as their transaction commits, so a rolled-back test would never see them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportExportAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "csv", "xlsx" })
	void anExportIsAuditedWithItsActorAndFormat(String format) throws Exception {
		String actor = "report.auditor." + format;
		mvc.perform(get("/staff/reports/export." + format).with(user(actor).roles("SUPERVISOR"))).andExpect(status().isOk());

		Map<String, Object> entry = jdbc
			.sql("select actor, record_id, outcome from audit.entry where action = 'report.export' and actor = ? "
					+ "order by sequence desc limit 1")
			.param(actor)
			.query()
			.singleRow();
		assertThat(entry).containsEntry("record_id", format).containsEntry("outcome", "SUCCESS");
	}

}
