package org.kinlink.cases.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.cases.services.CaseFixture;
import org.kinlink.cases.services.CaseServicesWebTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.ExtendedModelMap;

@CaseServicesWebTest
class NotesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NotesPanel panel;

	@Test
	void caseworkerOfRecordWritesAndReadsNotesSealedAndAudited() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf()).param("body", "Afraid of her brother"))
			.andExpect(redirectedUrl(base(file)));

		byte[] body = jdbc.sql("select body from cases.note where case_id = ?").param(file.id()).query(byte[].class).single();
		assertThat(new String(body, StandardCharsets.ISO_8859_1)).doesNotContain("brother");
		mvc.perform(get(base(file)).with(team.asCaseworker()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Afraid of her brother")))
			.andExpect(content().string(Matchers.containsString(team.caseworker())));
		assertThat(fixture.auditActions(file.id())).contains("case.note.add:SUCCESS", "case.note.read:SUCCESS");
	}

	@Test
	void theTeamsSupervisorReadsNotes() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf()).param("body", "Met at the office"))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get(base(file)).with(team.asSupervisor()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Met at the office")));
	}

	@Test
	void aColleagueOfTheTeamNeitherReadsNorWritesNotesNorLearnsTheyExist() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf()).param("body", "Secret"))
			.andExpect(status().is3xxRedirection());

		mvc.perform(get(base(file)).with(team.asColleague())).andExpect(status().isForbidden());
		mvc.perform(post(base(file)).with(team.asColleague()).with(csrf()).param("body", "Mine"))
			.andExpect(status().isForbidden());
		ExtendedModelMap model = new ExtendedModelMap();
		panel.contribute(file, new CaseReader(team.colleague(), team.name(), true, false), model);
		assertThat(model).isEmpty();

		assertThat(count(file)).isOne();
		assertThat(fixture.auditActions(file.id())).contains("case.note.read:DENIED", "case.note.add:DENIED");
	}

	@Test
	void aBlankNoteIsRefusedAndNotesCannotBeChangedOrDeleted() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf()).param("body", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Please fill in this field.")));
		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf()).param("body", "First"))
			.andExpect(status().is3xxRedirection());
		UUID id = jdbc.sql("select id from cases.note where case_id = ?").param(file.id()).query(UUID.class).single();

		mvc.perform(delete(base(file) + "/" + id).with(team.asCaseworker()).with(csrf())).andExpect(status().is4xxClientError());
		mvc.perform(put(base(file) + "/" + id).with(team.asCaseworker()).with(csrf()).param("body", "Changed"))
			.andExpect(status().is4xxClientError());
		mvc.perform(post(base(file) + "/" + id).with(team.asCaseworker()).with(csrf()).param("body", "Changed"))
			.andExpect(status().is4xxClientError());
		mvc.perform(delete(base(file)).with(team.asCaseworker()).with(csrf())).andExpect(status().is4xxClientError());

		assertThat(jdbc.sql("select count(*) from cases.note where case_id = ?").param(file.id()).query(Integer.class).single()).isOne();
		mvc.perform(get(base(file)).with(team.asCaseworker())).andExpect(content().string(Matchers.containsString("First")));
	}

	@Test
	void strangersUnknownAndClosedCasesAreRefused() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);

		mvc.perform(get(base(file)).with(team.asOutsider())).andExpect(status().isNotFound());
		mvc.perform(post(base(file)).with(team.asOutsider()).with(csrf()).param("body", "x")).andExpect(status().isNotFound());
		mvc.perform(get(base(file)).with(user("t").roles("TRANSLATOR"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/cases/" + UUID.randomUUID() + "/notes").with(team.asCaseworker()))
			.andExpect(status().isNotFound());
		fixture.close(file);
		mvc.perform(post(base(file)).with(team.asCaseworker()).with(csrf()).param("body", "After closure"))
			.andExpect(status().isConflict())
			.andExpect(content().string(Matchers.containsString("This case is closed.")));
		assertThat(count(file)).isZero();
	}

	private int count(CaseFile file) {
		return jdbc.sql("select count(*) from cases.note where case_id = ?").param(file.id()).query(Integer.class).single();
	}

	private static String base(CaseFile file) {
		return "/staff/cases/" + file.id() + "/notes";
	}

}
