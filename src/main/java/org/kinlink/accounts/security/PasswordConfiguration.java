package org.kinlink.accounts.security;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id with the OWASP parameters (m=19456 KiB, t=2, p=1; 16-byte salt, 32-byte hash) behind a bound on
 * concurrent hashing (S8). Stored hashes carry their parameters, so stronger ones later re-hash at sign-in.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	static final int MEMORY_KIB = 19456;

	static final int ITERATIONS = 2;

	static final int PARALLELISM = 1;

	@Bean
	PasswordEncoder passwordEncoder(@Value("${kinlink.accounts.max-concurrent-hashes:2}") int maxConcurrent,
			@Value("${kinlink.accounts.hash-wait:15s}") Duration maxWait) {
		PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, PARALLELISM, MEMORY_KIB, ITERATIONS);
		return new BoundedPasswordEncoder(new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2)), maxConcurrent,
				maxWait);
	}

}
