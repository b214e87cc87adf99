package org.kinlink.accounts.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.accounts.MovableClock;
import org.kinlink.storage.Vault;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * S11 across nodes: two LoginThrottle "nodes" (each with its own client key and its own reading of the shared
 * name key) on one database share the count and the lock of an account name, while client addresses stay in
 * each node's memory and never reach the database; concurrent failures are neither lost nor lock twice.
 */
@AccountsWebTest
class SharedLoginThrottleTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Vault vault;

	@Autowired
	PlatformTransactionManager transactions;

	private final MovableClock clock = ThrottleNodes.clock();

	private ThrottleNodes nodes;

	private LoginThrottle first;

	private LoginThrottle second;

	@BeforeEach
	void startTwoNodes() {
		nodes = new ThrottleNodes(jdbc, vault, transactions);
		first = nodes.node(clock, 5);
		second = nodes.node(clock, 5);
	}

	@Test
	void failuresThroughBothNodesLockTheAccountOnBothUntilTheLockoutEnds() {
		String name = ThrottleNodes.unique("vjosa");
		for (int i = 0; i < 3; i++) {
			first.recordFailure(name, "10.20.0." + i);
		}
		second.recordFailure(name, "10.20.1.1");
		assertThat(first.isLocked(name, "10.20.9.9")).isFalse();
		assertThat(second.isLocked(name, "10.20.9.9")).isFalse();
		second.recordFailure(name, "10.20.1.2");
		assertThat(first.isLocked(name, "10.20.9.9")).as("3 + 2 failures on two nodes").isTrue();
		assertThat(second.isLocked(name.toUpperCase(Locale.ROOT), "10.20.9.9")).isTrue();

		clock.advance(Duration.ofMinutes(14).plusSeconds(59));
		first.recordFailure(name, "10.20.2.1"); // attempts during the lock do not extend it
		assertThat(first.isLocked(name, "10.20.9.9")).isTrue();
		assertThat(second.isLocked(name, "10.20.9.9")).isTrue();
		clock.advance(Duration.ofSeconds(1));
		assertThat(first.isLocked(name, "10.20.9.9")).isFalse();
		assertThat(second.isLocked(name, "10.20.9.9")).isFalse();
	}

	@Test
	void aSuccessThroughOneNodeClearsTheCountForBoth() {
		String name = ThrottleNodes.unique("besnik");
		for (int i = 0; i < 4; i++) {
			(i % 2 == 0 ? first : second).recordFailure(name, "10.21.0." + i);
		}
		second.recordSuccess(name);
		for (int i = 0; i < 4; i++) {
			first.recordFailure(name, "10.21.1." + i);
		}
		assertThat(first.isLocked(name, "10.21.9.9")).isFalse();
		assertThat(second.isLocked(name, "10.21.9.9")).isFalse();
		second.recordFailure(name, "10.21.2.1");
		assertThat(first.isLocked(name, "10.21.9.9")).isTrue();
	}

	@Test
	void otherAccountBoundKeysAreSharedToo() {
		String factorKey = "factor:" + ThrottleNodes.unique("liridona");
		for (int i = 0; i < 5; i++) {
			(i < 2 ? first : second).recordFailure(factorKey, "10.22.0." + i);
		}
		assertThat(first.isLocked(factorKey, "10.22.9.9")).isTrue();
		assertThat(first.isLocked(factorKey.substring("factor:".length()), "10.22.9.9"))
			.as("the second-factor count is its own").isFalse();
	}

	@Test
	void aClientLockStaysOnItsNodeAndNoAddressOrNameIsStored() {
		String address = "203.0.113.77";
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			names.add(ThrottleNodes.unique("zana" + i));
			first.recordFailure(names.get(i), address);
		}
		String fresh = ThrottleNodes.unique("fresh");
		assertThat(first.isLocked(fresh, address)).as("the client on its node").isTrue();
		assertThat(second.isLocked(fresh, address)).as("client counts stay on their node").isFalse();
		assertThat(second.isLocked(names.get(0), address)).isFalse();

		List<byte[]> stored = new ArrayList<>(jdbc.sql("select key from accounts.login_throttle").query(byte[].class).list());
		List<String> rowsAsText = new ArrayList<>(jdbc.sql("select t::text from accounts.login_throttle t").query(String.class).list());
		stored.addAll(jdbc.sql("select sealed from accounts.login_throttle_key").query(byte[].class).list());
		rowsAsText.addAll(jdbc.sql("select t::text from accounts.login_throttle_key t").query(String.class).list());
		assertThat(stored).hasSizeGreaterThanOrEqualTo(names.size() + 1);
		List<String> secrets = new ArrayList<>(names);
		secrets.add(address);
		for (String secret : secrets) {
			byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
			assertThat(stored).noneMatch(bytes -> contains(bytes, utf8));
			assertThat(rowsAsText).noneMatch(row -> row.contains(secret));
			assertThat(rowsAsText).noneMatch(row -> row.contains(HexFormat.of().formatHex(utf8)));
		}
		assertThat(jdbc.sql("select count(*) from accounts.login_throttle where key = ?")
			.param(nodes.shared(clock).key("a:" + names.get(0)))
			.query(Long.class)
			.single()).as("the name's row is there, under its keyed hash").isEqualTo(1);
	}

	@Test
	void twentyConcurrentFailuresLockExactlyOnceAndLoseNoCount() throws Exception {
		String name = ThrottleNodes.unique("storm");
		Map<SharedFailures.Outcome, Long> outcomes = failAtOnce(20, name, first, second);
		assertThat(outcomes).containsEntry(SharedFailures.Outcome.LOCKED_NOW, 1L)
			.containsEntry(SharedFailures.Outcome.COUNTED, 4L)
			.containsEntry(SharedFailures.Outcome.ALREADY_LOCKED, 15L);
		assertThat(first.isLocked(name, "10.23.9.9")).isTrue();
		assertThat(second.isLocked(name, "10.23.9.9")).isTrue();

		LoginThrottle patientFirst = nodes.node(clock, 20);
		LoginThrottle patientSecond = nodes.node(clock, 20);
		String counted = ThrottleNodes.unique("counted");
		assertThat(failAtOnce(19, counted, patientFirst, patientSecond))
			.containsExactlyEntriesOf(Map.of(SharedFailures.Outcome.COUNTED, 19L));
		assertThat(patientFirst.isLocked(counted, "10.23.9.9")).isFalse();
		String everyOne = ThrottleNodes.unique("every-one");
		assertThat(failAtOnce(20, everyOne, patientFirst, patientSecond)).as("the 20th of 20 at once locks")
			.containsEntry(SharedFailures.Outcome.LOCKED_NOW, 1L)
			.containsEntry(SharedFailures.Outcome.COUNTED, 19L)
			.hasSize(2);
		assertThat(patientSecond.isLocked(everyOne, "10.23.9.9")).isTrue();
	}

	@Test
	void pruningDeletesOnlyRowsThatMeanNothing() {
		String idle = ThrottleNodes.unique("idle");
		String recent = ThrottleNodes.unique("recent");
		String lockedOut = ThrottleNodes.unique("locked");
		first.recordFailure(idle, "10.24.0.1");
		for (int i = 0; i < 5; i++) {
			second.recordFailure(lockedOut, "10.24.1." + i);
		}
		clock.advance(Duration.ofSeconds(61));
		first.recordFailure(recent, "10.24.2.1");
		first.prune();
		assertThat(rowExists(idle)).isFalse();
		assertThat(rowExists(recent)).isTrue();
		assertThat(rowExists(lockedOut)).isTrue();
		assertThat(first.isLocked(lockedOut, "10.24.9.9")).isTrue();
		clock.advance(Duration.ofMinutes(15));
		second.prune();
		assertThat(rowExists(lockedOut)).as("lock over, nothing within the window").isFalse();
		assertThat(rowExists(recent)).isFalse();
	}

	private boolean rowExists(String name) {
		return jdbc.sql("select exists (select 1 from accounts.login_throttle where key = ?)")
			.param(nodes.shared(clock).key("a:" + name))
			.query(Boolean.class)
			.single();
	}

	/** As many failures as threads, all released at once, alternating between the nodes; their outcomes counted. */
	private static Map<SharedFailures.Outcome, Long> failAtOnce(int threads, String name, LoginThrottle... throttles)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<SharedFailures.Outcome>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				LoginThrottle node = throttles[i % throttles.length];
				String client = "10.25." + threads + "." + i;
				Callable<SharedFailures.Outcome> failure = () -> {
					start.await();
					return node.failure(name, client);
				};
				results.add(pool.submit(failure));
			}
			start.countDown();
			List<SharedFailures.Outcome> outcomes = new ArrayList<>();
			for (Future<SharedFailures.Outcome> result : results) {
				outcomes.add(result.get());
			}
			return outcomes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
