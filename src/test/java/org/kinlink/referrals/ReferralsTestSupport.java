package org.kinlink.referrals;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One Spring context for the referrals module's tests: the real application on embedded PostgreSQL, with the
 * messages and translation modules replaced by {@link UpstreamFakes}. Mail goes to GreenMail on the port set
 * in application-test.properties.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(UpstreamFakes.class)
public abstract class ReferralsTestSupport {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected UpstreamFakes.FakeMessages messages;

	@Autowired
	protected UpstreamFakes.FakeTranslations translations;

	/** The audit entries of one record, oldest first: actor, action, outcome and detail. */
	protected List<Map<String, Object>> auditOf(String recordType, Object recordId) {
		return jdbc.sql("select actor, action, outcome, detail from audit.entry where record_type = ? and record_id = ? order by sequence")
			.params(recordType, String.valueOf(recordId))
			.query()
			.listOfRows();
	}

}
