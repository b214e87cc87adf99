package org.kinlink.accounts.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.kinlink.accounts.StaffFixture.PASSWORD;
import static org.kinlink.accounts.StaffFixture.loginRequest;
import static org.kinlink.accounts.StaffFixture.newAddress;
import static org.kinlink.accounts.StaffFixture.newUsername;
import static org.kinlink.accounts.StaffFixture.someAdmin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffRole;
import org.kinlink.accounts.StaffSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The administrator's user management (issue #2 item 3, S10): create, roles, disable, reset; never a password. */
@AccountsWebTest
class UserAdministrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorCreatesAUserAndSeesTheActivationCodeOnlyOnce() throws Exception {
		String username = newUsername("admin.create");
		MvcResult created = mvc.perform(post("/staff/users").with(someAdmin())
			.with(csrf())
			.param("username", username)
			.param("displayName", "Arta Hoxha")
			.param("roles", "INTAKE", "REVIEWER"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("activationCode"))
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		String code = (String) created.getFlashMap().get("activationCode");
		assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}");

		// The code waits in the (database) session for the next page, then is gone.
		StaffSession browser = StaffSession.from(created).orElseThrow();
		mvc.perform(get(location).with(someAdmin()).with(browser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(code)));
		mvc.perform(get(location).with(someAdmin()).with(browser))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(code))));

		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		Map<String, Object> row = jdbc.sql("select password_hash, roles::text as roles, enabled from accounts.staff_user where id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row.get("password_hash")).as("no password until the owner sets one").isNull();
		assertThat(row.get("roles")).isEqualTo("{INTAKE,REVIEWER}");
		assertThat(audit("account.created", id)).containsEntry("actor", "fixture-admin").containsEntry("detail", "INTAKE,REVIEWER");
	}

	@Test
	void theActivationCodeIsStoredOnlyAsADigest() throws Exception {
		String username = newUsername("admin.digest");
		StaffFixture.Created created = new StaffFixture(mvc).create(username, StaffRole.LIAISON);
		String plain = created.code().replace("-", "");

		String stored = jdbc.sql("select code_hash from accounts.activation_code where user_id = ?")
			.param(created.id())
			.query(String.class)
			.single();
		assertThat(stored).hasSize(64).doesNotContain(plain);
		assertThat(jdbc.sql("select count(*) from audit.entry where concat_ws('|', actor, action, record_id, detail) like ?")
			.param("%" + plain.substring(0, 10) + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void listsTheUsersWithTheirState() throws Exception {
		String pending = newUsername("admin.list.pending");
		new StaffFixture(mvc).create(pending, StaffRole.TRANSLATOR);

		mvc.perform(get("/staff/users").with(someAdmin()).header("Accept-Language", "fa"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(pending)))
			.andExpect(content().string(containsString("در انتظار فعال‌سازی")));
		mvc.perform(get("/staff/users").with(someAdmin()).header("Accept-Language", "sq"))
			.andExpect(content().string(containsString("Në pritje të aktivizimit")));
	}

	@Test
	void changesRolesAndEndsTheSessionsThatHadTheOldOnes() throws Exception {
		String username = newUsername("admin.roles");
		StaffFixture staff = new StaffFixture(mvc);
		UUID id = staff.createActive(username, StaffRole.TRANSLATOR);
		var session = staff.login(username, PASSWORD);

		mvc.perform(post("/staff/users/" + id + "/roles").with(someAdmin()).with(csrf()).param("roles", "TRANSLATOR", "REVIEWER"))
			.andExpect(redirectedUrl("/staff/users/" + id + "?saved"));

		assertThat(audit("account.roles-changed", id)).containsEntry("detail", "REVIEWER,TRANSLATOR");
		mvc.perform(get("/staff").with(session)).andExpect(redirectedUrl("/login?expired"));
		var again = staff.login(username, PASSWORD);
		mvc.perform(get("/staff").with(again)).andExpect(content().string(containsString("Reviewer")));
	}

	@Test
	void disablesAndEnablesAnAccount() throws Exception {
		String username = newUsername("admin.toggle");
		UUID id = new StaffFixture(mvc).createActive(username, StaffRole.CASEWORKER);

		mvc.perform(post("/staff/users/" + id + "/disable").with(someAdmin()).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/staff/users/" + id + "/enable").with(someAdmin()).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl(StaffFixture.SECOND_STEP));

		assertThat(audit("account.disabled", id)).containsEntry("outcome", "SUCCESS");
		assertThat(audit("account.enabled", id)).containsEntry("outcome", "SUCCESS");
	}

	@Test
	void aResetEndsThePasswordAndOnlyTheNewCodeSetsANewOne() throws Exception {
		String username = newUsername("admin.reset");
		StaffFixture staff = new StaffFixture(mvc);
		StaffFixture.Created created = staff.create(username, StaffRole.INTAKE);
		staff.activate(username, created.code(), PASSWORD);

		MvcResult reset = mvc.perform(post("/staff/users/" + created.id() + "/reset").with(someAdmin()).with(csrf()))
			.andExpect(redirectedUrl("/staff/users/" + created.id()))
			.andReturn();
		String newCode = (String) reset.getFlashMap().get("activationCode");

		mvc.perform(loginRequest(username, PASSWORD, newAddress())).andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/activate").with(csrf())
			.param("username", username)
			.param("code", created.code())
			.param("password", "a brand new password")
			.param("passwordAgain", "a brand new password")).andExpect(model().hasErrors());
		staff.activate(username, newCode, "a brand new password");
		mvc.perform(loginRequest(username, "a brand new password", newAddress())).andExpect(redirectedUrl(StaffFixture.SECOND_STEP));
		assertThat(audit("account.reset-started", created.id())).containsEntry("actor", "fixture-admin");
	}

	@Test
	void anAdministratorCannotDisableDemoteOrResetThemself() throws Exception {
		String admin = newUsername("admin.self");
		UUID id = new StaffFixture(mvc).createActive(admin, StaffRole.ADMIN);
		var asSelf = user(admin).roles("ADMIN");

		mvc.perform(post("/staff/users/" + id + "/disable").with(asSelf).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("You cannot disable your own account.")));
		mvc.perform(post("/staff/users/" + id + "/roles").with(asSelf).with(csrf()).param("roles", "AUDITOR"))
			.andExpect(status().isConflict());
		mvc.perform(post("/staff/users/" + id + "/reset").with(asSelf).with(csrf()).header("Accept-Language", "fa"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("نمی‌توانید گذرواژهٔ خود را از اینجا بازنشانی کنید")));

		assertThat(jdbc.sql("select enabled and 'ADMIN' = any(roles) from accounts.staff_user where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void theLastEnabledAdministratorCannotBeDisabledOrDemoted() throws Exception {
		UUID last = new StaffFixture(mvc).createActive(newUsername("admin.last"), StaffRole.ADMIN);
		List<UUID> others = jdbc.sql("select id from accounts.staff_user where enabled and 'ADMIN' = any(roles) and id <> ?")
			.param(last)
			.query(UUID.class)
			.list();
		others.forEach(other -> jdbc.sql("update accounts.staff_user set enabled = false where id = ?").param(other).update());
		try {
			mvc.perform(post("/staff/users/" + last + "/disable").with(someAdmin()).with(csrf()))
				.andExpect(status().isConflict())
				.andExpect(content().string(containsString("at least one enabled administrator")));
			mvc.perform(post("/staff/users/" + last + "/roles").with(someAdmin()).with(csrf()).param("roles", "AUDITOR"))
				.andExpect(status().isConflict());
			mvc.perform(post("/staff/users/" + last + "/roles").with(someAdmin()).with(csrf()).param("roles", "ADMIN", "AUDITOR"))
				.andExpect(status().is3xxRedirection());
		}
		finally {
			others.forEach(other -> jdbc.sql("update accounts.staff_user set enabled = true where id = ?").param(other).update());
		}
	}

	@Test
	void unknownIdsAnswer404AndMalformedOnes400() throws Exception {
		UUID nobody = UUID.randomUUID();
		mvc.perform(get("/staff/users/" + nobody).with(someAdmin())).andExpect(status().isNotFound());
		for (String action : List.of("reset", "disable", "enable")) {
			mvc.perform(post("/staff/users/" + nobody + "/" + action).with(someAdmin()).with(csrf()))
				.andExpect(status().isNotFound());
		}
		mvc.perform(post("/staff/users/" + nobody + "/roles").with(someAdmin()).with(csrf()).param("roles", "INTAKE"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/staff/users/not-a-uuid").with(someAdmin())).andExpect(status().isBadRequest());
	}

	@Test
	void emptyFieldsAreShownAgainWithMessagesInTheReadersLanguage() throws Exception {
		mvc.perform(post("/staff/users").with(someAdmin()).with(csrf()).param("username", " ").param("displayName", ""))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/user-new"))
			.andExpect(model().attributeHasFieldErrors("form", "username", "displayName", "roles"))
			.andExpect(content().string(containsString("Choose at least one role.")));
		mvc.perform(post("/staff/users").with(someAdmin()).with(csrf()).header("Accept-Language", "fa"))
			.andExpect(model().attributeHasFieldErrors("form", "username", "displayName", "roles"))
			.andExpect(content().string(containsString("دست‌کم یک نقش برگزینید.")));
	}

	@Test
	void badUsernamesAreRefused() throws Exception {
		String taken = newUsername("admin.taken");
		new StaffFixture(mvc).create(taken, StaffRole.INTAKE);
		for (String bad : List.of("Capital", "ab", "x".repeat(41), "مریم", "has space", "semi;colon", taken)) {
			mvc.perform(post("/staff/users").with(someAdmin())
				.with(csrf())
				.param("username", bad)
				.param("displayName", "Someone")
				.param("roles", "INTAKE")).andExpect(model().attributeHasFieldErrors("form", "username"));
		}
	}

	@Test
	void hostileOrOverlongDisplayNamesAreRefused() throws Exception {
		for (String bad : List.of("Ali\u202Eevil", "Mar\u200Dyam", "Zero\u200Bwidth", "Bell\u0007", "x".repeat(101),
				"Arta\u2066Hoxha\u2069")) {
			mvc.perform(post("/staff/users").with(someAdmin())
				.with(csrf())
				.param("username", newUsername("admin.hostile"))
				.param("displayName", bad)
				.param("roles", "INTAKE")).andExpect(model().attributeHasFieldErrors("form", "displayName"));
		}
	}

	@Test
	void persianNamesWithZwnjAndMarkupAreKeptAsTextAndShownEscaped() throws Exception {
		String username = newUsername("admin.markup");
		MvcResult created = mvc.perform(post("/staff/users").with(someAdmin())
			.with(csrf())
			.param("username", username)
			.param("displayName", "می‌خواهم <script>alert(1)</script>")
			.param("roles", "INTAKE")).andExpect(status().is3xxRedirection()).andReturn();

		mvc.perform(get(created.getResponse().getRedirectedUrl()).with(someAdmin()))
			.andExpect(content().string(containsString("می‌خواهم &lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

	@Test
	void unknownRoleNamesAreRefused() throws Exception {
		mvc.perform(post("/staff/users").with(someAdmin())
			.with(csrf())
			.param("username", newUsername("admin.role"))
			.param("displayName", "Someone")
			.param("roles", "SUPERUSER")).andExpect(model().attributeHasFieldErrors("form", "roles"));
	}

	private Map<String, Object> audit(String action, UUID id) {
		return jdbc.sql("select actor, outcome, detail from audit.entry where action = ? and record_id = ? order by sequence desc limit 1")
			.params(action, id.toString())
			.query()
			.singleRow();
	}

}
