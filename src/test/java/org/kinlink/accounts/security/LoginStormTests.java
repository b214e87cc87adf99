package org.kinlink.accounts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinlink.accounts.StaffFixture.loginRequest;
import static org.kinlink.accounts.StaffFixture.newAddress;
import static org.kinlink.accounts.StaffFixture.newUsername;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.StaffFixture;
import org.kinlink.accounts.StaffRole;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * S8: a storm of 100 parallel wrong sign-ins from 100 clients (so the throttle does not shield the hashing)
 * ends without an error, hashing never runs more than twice at once, and health keeps answering UP meanwhile.
 */
@AccountsWebTest
class LoginStormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PasswordEncoder passwords;

	@LocalServerPort
	int port;

	@Test
	void hundredParallelBadLoginsEndWithoutErrorWhileHealthStaysUp() throws Exception {
		String known = newUsername("storm");
		new StaffFixture(mvc).createActive(known, StaffRole.INTAKE);
		ExecutorService storm = Executors.newFixedThreadPool(100);
		List<Future<String>> answers = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String username = i % 2 == 0 ? known : newUsername("storm.nobody");
			String address = newAddress();
			String guess = "wrong guess number " + i;
			answers.add(storm.submit(() -> mvc.perform(loginRequest(username, guess, address)).andReturn().getResponse().getRedirectedUrl()));
		}
		storm.shutdown();

		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		List<String> healthDuringStorm = new ArrayList<>();
		while (!storm.isTerminated()) {
			HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			healthDuringStorm.add(health.statusCode() + " " + health.body());
			storm.awaitTermination(200, TimeUnit.MILLISECONDS);
		}

		for (Future<String> answer : answers) {
			assertThat(answer.get()).isEqualTo("/login?error");
		}
		assertThat(healthDuringStorm).isNotEmpty().allSatisfy(h -> assertThat(h).startsWith("200").contains("\"UP\""));
		assertThat(((BoundedPasswordEncoder) passwords).peakConcurrency()).isBetween(1, 2);
	}

}
