package org.kinlink.accounts.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.kinlink.accounts.StaffFixture.PASSWORD;
import static org.kinlink.accounts.StaffFixture.newUsername;
import static org.kinlink.accounts.StaffFixture.someAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.StaffDirectory;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The administrator puts each account in one team or none (issue #4, S13): validated, audited, ends sessions. */
@AccountsWebTest
class TeamAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffDirectory directory;

	@Test
	void anAdministratorCreatesAUserInATeam() throws Exception {
		String username = newUsername("team.create");
		UUID id = create(username, "  Durrës ");
		assertThat(team(id)).isEqualTo("Durrës");
		assertThat(directory.member(username).orElseThrow().team()).isEqualTo("Durrës");
		mvc.perform(get("/staff/users/" + id).with(someAdmin()))
			.andExpect(content().string(containsString("name=\"team\" value=\"Durr&euml;s\"")));
		mvc.perform(get("/staff/users").with(someAdmin())).andExpect(content().string(containsString("<td dir=\"auto\">Durrës</td>")));
	}

	@Test
	void aBlankTeamOnCreationMeansNoTeam() throws Exception {
		UUID id = create(newUsername("team.none"), "   ");
		assertThat(team(id)).isNull();
	}

	@Test
	void changingTheTeamIsAuditedAndEndsTheUsersSessions() throws Exception {
		String username = newUsername("team.change");
		StaffFixture staff = new StaffFixture(mvc);
		UUID id = staff.createActive(username, StaffRole.CASEWORKER);
		long stamp = stamp(id);
		var session = staff.login(username, PASSWORD);

		mvc.perform(post("/staff/users/" + id + "/team").with(someAdmin()).with(csrf()).param("team", "Tirana"))
			.andExpect(redirectedUrl("/staff/users/" + id + "?saved"));

		assertThat(team(id)).isEqualTo("Tirana");
		assertThat(stamp(id)).isEqualTo(stamp + 1);
		assertThat(audit(id)).containsEntry("actor", "fixture-admin").containsEntry("detail", "Tirana");
		mvc.perform(get("/staff").with(session)).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void savingTheSameTeamChangesNothing() throws Exception {
		UUID id = create(newUsername("team.same"), "Shkodër");
		long stamp = stamp(id);
		mvc.perform(post("/staff/users/" + id + "/team").with(someAdmin()).with(csrf()).param("team", "Shkodër"))
			.andExpect(status().is3xxRedirection());
		assertThat(stamp(id)).isEqualTo(stamp);
	}

	@Test
	void clearingTheTeamLeavesTheUserWithoutOne() throws Exception {
		UUID id = create(newUsername("team.clear"), "Vlorë");
		mvc.perform(post("/staff/users/" + id + "/team").with(someAdmin()).with(csrf()).param("team", ""))
			.andExpect(redirectedUrl("/staff/users/" + id + "?saved"));
		assertThat(team(id)).isNull();
		assertThat(audit(id)).containsEntry("detail", "none");
	}

	@Test
	void sixtyCharactersAreAcceptedAndSixtyOneAreNot() throws Exception {
		UUID id = create(newUsername("team.length"), null);
		mvc.perform(post("/staff/users/" + id + "/team").with(someAdmin()).with(csrf()).param("team", "ت".repeat(60)))
			.andExpect(status().is3xxRedirection());
		assertThat(team(id)).hasSize(60);
		mvc.perform(post("/staff/users/" + id + "/team").with(someAdmin()).with(csrf()).param("team", "x".repeat(61)))
			.andExpect(status().isOk())
			.andExpect(view().name(UsersController.DETAIL_VIEW))
			.andExpect(model().attributeHasFieldErrors("teamForm", "team"));
		assertThat(team(id)).hasSize(60);
	}

	@Test
	void hostileTeamNamesAreRefusedOnTheUserPageAndOnCreation() throws Exception {
		UUID id = create(newUsername("team.hostile"), "Tirana");
		for (String bad : List.of("Tir\u202Eana", "Zero\u200Bwidth", "Bell\u0007", "two\nlines")) {
			mvc.perform(post("/staff/users/" + id + "/team").with(someAdmin()).with(csrf()).param("team", bad))
				.andExpect(model().attributeHasFieldErrors("teamForm", "team"));
			mvc.perform(post("/staff/users").with(someAdmin())
				.with(csrf())
				.param("username", newUsername("team.hostile.new"))
				.param("displayName", "Someone")
				.param("team", bad)
				.param("roles", "CASEWORKER")).andExpect(model().attributeHasFieldErrors("form", "team"));
		}
		assertThat(team(id)).isEqualTo("Tirana");
	}

	@Test
	void theErrorIsShownInTheReadersLanguage() throws Exception {
		UUID id = create(newUsername("team.fa"), null);
		mvc.perform(post("/staff/users/" + id + "/team").with(someAdmin())
			.with(csrf())
			.header("Accept-Language", "fa")
			.param("team", "x".repeat(61)))
			.andExpect(content().string(containsString("این متن بیش از اندازه بلند است.")))
			.andExpect(content().string(containsString("is-invalid")));
	}

	@Test
	void onlyAdministratorsChangeTeams() throws Exception {
		UUID id = create(newUsername("team.role"), "Tirana");
		for (String role : List.of("SUPERVISOR", "CASEWORKER", "AUDITOR")) {
			mvc.perform(post("/staff/users/" + id + "/team").with(user("someone").roles(role)).with(csrf()).param("team", "Fier"))
				.andExpect(status().isForbidden());
		}
		mvc.perform(post("/staff/users/" + id + "/team").with(someAdmin()).param("team", "Fier"))
			.andExpect(status().isForbidden());
		assertThat(team(id)).isEqualTo("Tirana");
	}

	@Test
	void anUnknownUserAnswers404() throws Exception {
		mvc.perform(post("/staff/users/" + UUID.randomUUID() + "/team").with(someAdmin()).with(csrf()).param("team", "Fier"))
			.andExpect(status().isNotFound());
	}

	private UUID create(String username, String team) throws Exception {
		var request = post("/staff/users").with(someAdmin())
			.with(csrf())
			.param("username", username)
			.param("displayName", "Test " + username)
			.param("roles", "CASEWORKER");
		if (team != null) {
			request.param("team", team);
		}
		MvcResult result = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	private String team(UUID id) {
		return jdbc.sql("select team from accounts.staff_user where id = ?").param(id).query((rs, n) -> rs.getString(1)).list().get(0);
	}

	private long stamp(UUID id) {
		return jdbc.sql("select stamp from accounts.staff_user where id = ?").param(id).query(Long.class).single();
	}

	private Map<String, Object> audit(UUID id) {
		return jdbc.sql("select actor, detail from audit.entry where action = 'account.team-changed' and record_id = ? "
				+ "order by sequence desc limit 1")
			.param(id.toString())
			.query()
			.singleRow();
	}

}
