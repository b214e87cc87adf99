package org.kinlink.cases.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.DisclosureRefusedException;
import org.kinlink.cases.Disclosures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The S15 gate itself: levels, the caller's transaction, audited refusals, and purposes that are codes. */
@SpringBootTest
@AutoConfigureMockMvc
class DisclosuresGateTests {

	@Autowired
	Disclosures disclosures;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	CaseFixture f;

	@BeforeEach
	void newCase() {
		f = new CaseFixture(context);
	}

	UUID require(UUID person, DisclosureLevel needed) {
		return transactions.execute(tx -> disclosures.require(person, needed, "test.gate"));
	}

	@Test
	void withoutADecisionNothingIsPermitted() {
		assertThat(disclosures.permitted(f.personId)).isEqualTo(DisclosureLevel.NOTHING);
		assertThat(disclosures.permitted(UUID.randomUUID())).isEqualTo(DisclosureLevel.NOTHING);
		assertThat(disclosures.permitted(null)).isEqualTo(DisclosureLevel.NOTHING);
		assertThatThrownBy(() -> require(f.personId, DisclosureLevel.ALIVE_AND_WELL)).isInstanceOf(DisclosureRefusedException.class);
		assertThatThrownBy(() -> require(null, DisclosureLevel.ALIVE_AND_WELL)).isInstanceOf(DisclosureRefusedException.class);
	}

	@Test
	void eachLevelIncludesTheOnesBeforeIt() throws Exception {
		f.consent(mvc, DisclosureLevel.RECEIVE_MESSAGES);
		UUID basis = f.currentBasis();
		assertThat(require(f.personId, DisclosureLevel.ALIVE_AND_WELL)).isEqualTo(basis);
		assertThat(require(f.personId, DisclosureLevel.RECEIVE_MESSAGES)).isEqualTo(basis);
		assertThatThrownBy(() -> require(f.personId, DisclosureLevel.RELAY_MESSAGES)).isInstanceOf(DisclosureRefusedException.class);
		assertThatThrownBy(() -> require(f.personId, DisclosureLevel.SHARE_CONTACT)).isInstanceOf(DisclosureRefusedException.class);
		assertThatThrownBy(() -> require(f.personId, DisclosureLevel.NOTHING)).isInstanceOf(DisclosureRefusedException.class);
	}

	@Test
	void aRecordedNothingPermitsNothing() throws Exception {
		f.consent(mvc, DisclosureLevel.NOTHING);
		assertThatThrownBy(() -> require(f.personId, DisclosureLevel.ALIVE_AND_WELL)).isInstanceOf(DisclosureRefusedException.class);
	}

	@Test
	void refusalsAndDisclosuresAreAuditedWithoutPersonalData() throws Exception {
		f.consent(mvc, DisclosureLevel.ALIVE_AND_WELL);
		require(f.personId, DisclosureLevel.ALIVE_AND_WELL);
		assertThatThrownBy(() -> require(f.personId, DisclosureLevel.SHARE_CONTACT)).isInstanceOf(DisclosureRefusedException.class);
		var details = jdbc.sql("select outcome || ':' || detail from audit.entry where action = 'disclosure' and record_id = ? order by sequence")
			.param(f.personId.toString())
			.query(String.class)
			.list();
		assertThat(details).containsExactly("SUCCESS:test.gate;level=ALIVE_AND_WELL;basis=" + f.currentBasis(),
				"DENIED:rule=S15;test.gate;needs=SHARE_CONTACT;basis=" + f.currentBasis());
	}

	@Test
	void requiresTheCallersTransactionAndACodeAsPurpose() throws Exception {
		f.consent(mvc, DisclosureLevel.SHARE_CONTACT);
		assertThatThrownBy(() -> disclosures.require(f.personId, DisclosureLevel.ALIVE_AND_WELL, "test.gate"))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThatThrownBy(() -> transactions.execute(tx -> disclosures.require(f.personId, DisclosureLevel.ALIVE_AND_WELL, "Reza Karimi asked")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> transactions.execute(tx -> disclosures.require(f.personId, DisclosureLevel.ALIVE_AND_WELL, null)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
