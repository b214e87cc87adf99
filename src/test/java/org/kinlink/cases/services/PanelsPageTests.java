package org.kinlink.cases.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kinlink.cases.file.CaseAccess;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CasePanel;
import org.kinlink.cases.file.CaseReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The panels rendered the way the case page includes them (every {@link CasePanel}'s {@code panel} fragment in
 * order, on a page without the other panels' model), for the people around a case.
 */
@CaseServicesWebTest
class PanelsPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseFixture fixture;

	@Test
	void caseworkerOfRecordSeesEveryPanelWithTheRestrictedParts() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		fill(team, file);

		String page = panels(team.asCaseworker(), file.id());

		assertThat(page).contains("id=\"case-services\"", "Shelter Tirana", "id=\"case-employment\"", "Bakery Durres",
				"id=\"case-followups\"", "Check the rent contract", "id=\"case-notes\"", "She prefers calls in the morning");
		assertThat(page.indexOf("case-services")).isLessThan(page.indexOf("case-employment"));
		assertThat(page.indexOf("case-followups")).isLessThan(page.indexOf("case-notes"));
	}

	@Test
	void colleagueOfTheSameTeamSeesServicesButNeitherEmployerNorNotes() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		fill(team, file);

		String page = panels(team.asColleague(), file.id());

		assertThat(page).contains("Shelter Tirana", "id=\"case-employment\"", "Check the rent contract")
			.doesNotContain("Bakery Durres", "id=\"case-notes\"", "She prefers calls", "caseservices");
	}

	@Test
	void supervisorOfTheTeamSeesEmployerAndNotes() throws Exception {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		fill(team, file);

		assertThat(panels(team.asSupervisor(), file.id())).contains("Bakery Durres", "She prefers calls in the morning");
		assertThat(fixture.auditActions(file.id())).contains("case.employment.read:SUCCESS", "case.note.read:SUCCESS");
	}

	private void fill(CaseFixture.Team team, CaseFile file) throws Exception {
		String base = "/staff/cases/" + file.id();
		mvc.perform(post(base + "/services").with(team.asCaseworker()).with(csrf()).param("type", "HOUSING")
			.param("provider", "Shelter Tirana").param("status", "ACTIVE").param("startedOn", "2024-08-02"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(base + "/employment").with(team.asCaseworker()).with(csrf()).param("kind", "EMPLOYED")
			.param("employer", "Bakery Durres").param("startedOn", "2024-09-01").param("monthlyIncome", "450"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(base + "/followups").with(team.asCaseworker()).with(csrf()).param("dueOn", "2999-01-01")
			.param("purpose", "Check the rent contract")).andExpect(status().is3xxRedirection());
		mvc.perform(post(base + "/notes").with(team.asCaseworker()).with(csrf())
			.param("body", "She prefers calls in the morning")).andExpect(status().is3xxRedirection());
	}

	private String panels(org.springframework.test.web.servlet.request.RequestPostProcessor who, UUID caseId)
			throws Exception {
		return mvc.perform(get("/staff/test-panels/" + caseId).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** A stand-in for the case page: the panels of this branch, as the case page will include them. */
	@Controller
	static class PanelsPage {

		private final CaseAccess access;

		private final List<CasePanel> panels;

		PanelsPage(CaseAccess access, List<CasePanel> panels) {
			this.access = access;
			this.panels = panels.stream().sorted(Comparator.comparingInt(CasePanel::order)).toList();
		}

		@GetMapping("/staff/test-panels/{caseId}")
		String show(@PathVariable UUID caseId, Authentication authentication, Model model) {
			CaseReader reader = access.reader(authentication);
			CaseFile file = access.read(caseId, reader);
			panels.forEach(p -> p.contribute(file, reader, model));
			model.addAttribute("panels", panels);
			return "cases-test/panels";
		}

	}

}
