package org.kinlink.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.kinlink.accounts.factor.Totp;

/**
 * Creates staff the way an association does: the first administrator on the setup page, then each colleague
 * with an activation code that the colleague redeems with a password of their own. Each enrols a second factor
 * at the first sign-in; the codes are computed here as an authenticator app does.
 */
final class StaffAccounts {

	static final String PASSWORD = "correct horse battery staple 42";

	private final int port;

	private final Map<String, byte[]> secrets = new HashMap<>();

	private final Map<String, Long> lastStep = new HashMap<>();

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

	/** Signs in with the password and the second factor, enrolling it (key read off the page) the first time. */
	WebClient signIn(String username, String language) {
		WebClient client = new WebClient(port, language);
		client.get("/login");
		Document step = client.submit("form[action='/login']", Map.of("username", username, "password", PASSWORD));
		Element secret = step.selectFirst("#secret");
		if (secret != null) {
			secrets.put(username, Totp.fromBase32(secret.text()));
			Document codes = client.submit("form[action='/login/factor/enrol']", Map.of("code", code(username)));
			assertThat(codes.location()).as("%s enrolled", username).endsWith("/staff/account/factor");
			assertThat(codes.select("#recovery-codes li")).hasSize(10);
			return client;
		}
		Document home = client.submit("form[action='/login/factor']", Map.of("code", code(username)));
		assertThat(home.location()).as("%s signed in", username).endsWith("/staff");
		return client;
	}

	/**
	 * The code an authenticator app shows for the account, never one already used: the earliest step of the
	 * accepted window (now - 1 .. now + 1) after the last one used.
	 */
	String code(String username) {
		long now = Totp.step(Instant.now());
		long step = Math.max(now - 1, lastStep.getOrDefault(username, Long.MIN_VALUE) + 1);
		assertThat(step).as("more than three sign-ins of %s within 30 seconds", username).isLessThanOrEqualTo(now + 1);
		lastStep.put(username, step);
		return Totp.code(secrets.get(username), step);
	}

}
