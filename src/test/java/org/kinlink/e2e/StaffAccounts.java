package org.kinlink.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;

/**
 * Creates staff the way an association does: the first administrator on the setup page, then each colleague
 * with an activation code that the colleague redeems with a password of their own.
 */
final class StaffAccounts {

	static final String PASSWORD = "correct horse battery staple 42";

	private final int port;

	StaffAccounts(int port) {
		this.port = port;
	}

	WebClient setUpAdministrator() {
		WebClient admin = new WebClient(port, "en");
		admin.get("/setup");
		admin.submit("form[action='/setup']", Map.of("username", "admin", "displayName", "Ada Admin", "password",
				PASSWORD, "passwordAgain", PASSWORD));
		return signIn("admin", "en");
	}

	/** The administrator creates a colleague with the given roles; the colleague activates and signs in. */
	WebClient colleague(WebClient admin, String username, String language, String... roles) {
		admin.get("/staff/users/new");
		Map<String, String> fields = new LinkedHashMap<>(Map.of("username", username, "displayName", username));
		Document created = admin.submit("form[action='/staff/users']", fields, "roles", roles);
		String code = created.select("p.font-monospace").text().strip();
		assertThat(code).as("activation code shown once to the administrator").isNotBlank();
		WebClient colleague = new WebClient(port, language);
		colleague.get("/activate");
		colleague.submit("form[action='/activate']",
				Map.of("username", username, "code", code, "password", PASSWORD, "passwordAgain", PASSWORD));
		return signIn(username, language);
	}

	WebClient signIn(String username, String language) {
		WebClient client = new WebClient(port, language);
		client.get("/login");
		Document home = client.submit("form[action='/login']", Map.of("username", username, "password", PASSWORD));
		assertThat(home.location()).as("%s signed in", username).endsWith("/staff");
		return client;
	}

}
