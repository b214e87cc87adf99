package org.kinlink.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash harness (S19, S20, S6): the packaged Kinlink as a process of its own on a PostgreSQL of the
 * harness's own, under concurrent letters (JSON API with tus uploads, plain multipart form) while media jobs,
 * the orphan sweep and the event registry work by themselves, and while the staff ({@link Caseworkers}) triage,
 * translate, approve and dispatch referrals by e-mail to an SMTP server in this JVM; killed with SIGKILL at random moments (seeded,
 * printed), PostgreSQL stopped and started once under it. Then, quiet: every acknowledged letter is there
 * exactly once with its files, nothing half-written, no orphan object, no plaintext canary on disk, every
 * event publication completed, every dispatched referral mailed under one identity and none dispatched twice. Run by failsafe after packaging ({@code ./mvnw verify}); tune with
 * {@code -Dkinlink.crash.kills=20 -Dkinlink.crash.seed=... -Dkinlink.crash.clients=2}.
 */
class CrashHarnessTests {

	private static final Pattern OBJECT_NAME = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	@Test
	@Timeout(value = 25, unit = TimeUnit.MINUTES) // bounded: a hung run fails CI instead of eating its budget
	void everyAcknowledgedLetterSurvivesKillsAndADatabaseRestartExactlyOnce() throws Exception {
		int kills = Integer.getInteger("kinlink.crash.kills", 20);
		int clients = Integer.getInteger("kinlink.crash.clients", 2);
		long seed = Long.getLong("kinlink.crash.seed", System.nanoTime());
		Path jar = jar();
		Path root = Path.of(System.getProperty("kinlink.crash.dir", "target/crash-harness")).toAbsolutePath();
		deleteTree(root);
		for (String dir : List.of("pgdata", "data", "blobs", "tmp", "logs")) {
			Files.createDirectories(root.resolve(dir));
		}
		String canary = "KLCANARY" + Long.toHexString(new Random(seed).nextLong() & 0xffffffffL).toUpperCase();
		log("seed %d, %d kills, %d clients, canary %s, jar %s, folder %s", seed, kills, clients, canary, jar.getFileName(), root);

		long began = System.nanoTime();
		HarnessDatabase database = new HarnessDatabase(root.resolve("pgdata"), freePort());
		database.start();
		GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		KinlinkServer server = new KinlinkServer(jar, root, freePort(), database.port(), mail.getSmtp().getPort());
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
		Map<String, AtomicInteger> answers = PortalClient.newAnswers();
		AtomicInteger fileSequence = new AtomicInteger();
		AtomicInteger uploadsInFlight = new AtomicInteger();
		AtomicInteger letterNumbers = new AtomicInteger();
		ConcurrentLinkedQueue<Letter> letters = new ConcurrentLinkedQueue<>();
		AtomicBoolean stopping = new AtomicBoolean();
		AtomicLong giveUpAt = new AtomicLong(Long.MAX_VALUE);
		BooleanSupplier giveUp = () -> System.nanoTime() > giveUpAt.get();
		ExecutorService load = Executors.newFixedThreadPool(clients);
		ExecutorService desk = Executors.newSingleThreadExecutor();
		AtomicLong staffGiveUpAt = new AtomicLong(Long.MAX_VALUE);
		Random chance = new Random(seed);
		List<String> killLog = new ArrayList<>();
		String databaseRestart = "not done";
		try {
			server.start();
			long startedAt = System.nanoTime();
			assertThat(server.awaitUp(Duration.ofMinutes(6))).as("first start").isTrue();
			long startup = millisSince(startedAt);
			log("first start (with migrations) took %d ms", startup);
			Caseworkers staff = Caseworkers.setUp(server.port());
			Future<?> staffWork = desk.submit(() -> {
				staff.run(stopping::get, () -> System.nanoTime() > staffGiveUpAt.get());
				return null;
			});

			for (int c = 0; c < clients; c++) {
				PortalClient client = new PortalClient(server.base(), canary, http, new Random(seed + 1 + c), fileSequence,
						uploadsInFlight, answers);
				Random ways = new Random(seed + 100 + c);
				load.submit(() -> {
					while (!stopping.get()) {
						int pick = ways.nextInt(100);
						Letter.Way way = pick < 35 ? Letter.Way.API_TEXT : pick < 70 ? Letter.Way.API_TUS_FILES
								: pick < 85 ? Letter.Way.FORM_TEXT : Letter.Way.FORM_FILE;
						Letter letter = new Letter(letterNumbers.getAndIncrement(), way);
						letters.add(letter);
						client.send(letter, giveUp);
					}
					return null;
				});
			}

			for (int kill = 1; kill <= kills; kill++) {
				if (kill == kills / 2 + 1) {
					databaseRestart = restartDatabase(database, server, http, canary, answers);
				}
				String mode;
				long delay;
				if (kill % 4 == 1 && kill > 1) {
					// during start-up: before or while the context refreshes, republishes events, starts the jobs
					delay = 1_000 + (long) (chance.nextDouble() * Math.max(1, startup - 1_000));
					mode = "during start-up";
					TimeUnit.MILLISECONDS.sleep(Math.max(0, delay - millisSince(startedAt)));
				}
				else {
					assertThat(server.awaitUp(Duration.ofMinutes(5))).as("start before kill " + kill).isTrue();
					startup = millisSince(startedAt);
					// long enough for a staff member's few pages between two kills, short enough for 20 kills in CI
					delay = 3_000 + chance.nextInt(9_000);
					TimeUnit.MILLISECONDS.sleep(delay);
					mode = "under load";
					if (kill % 4 == 3) {
						// kill -9 mid-upload (S6): wait for a tus PATCH to be on the wire
						long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
						while (uploadsInFlight.get() == 0 && System.nanoTime() < until) {
							TimeUnit.MILLISECONDS.sleep(5);
						}
						mode = uploadsInFlight.get() > 0 ? "mid-upload" : "under load (no upload in flight)";
					}
				}
				int exit = server.kill();
				String line = String.format("kill %2d: %-32s after %5d ms, exit code %d (137 = SIGKILL), letters so far %d",
						kill, mode, delay, exit, letterNumbers.get());
				killLog.add(line);
				log(line);
				assertThat(exit).as("SIGKILL").isEqualTo(137);
				server.start();
				startedAt = System.nanoTime();
			}
			assertThat(server.awaitUp(Duration.ofMinutes(5))).as("start after the last kill").isTrue();
			long loadEnded = System.nanoTime();
			stopping.set(true);
			giveUpAt.set(System.nanoTime() + TimeUnit.MINUTES.toNanos(3));
			load.shutdown();
			assertThat(load.awaitTermination(4, TimeUnit.MINUTES)).as("clients finish their letters").isTrue();
			log("load stopped; clients finished their open letters in %d ms", millisSince(loadEnded));
			staffGiveUpAt.set(System.nanoTime() + TimeUnit.MINUTES.toNanos(4));
			staffWork.get(5, TimeUnit.MINUTES);
			log("staff finished the work in hand %d ms after the load stopped: %s", millisSince(loadEnded), staff.done);

			JdbcClient db = JdbcClient.create(database.dataSource());
			Quiet quiet = awaitQuiet(db, root.resolve("blobs"));
			PortalClient checker = new PortalClient(server.base(), canary, http, new Random(seed), fileSequence,
					uploadsInFlight, answers);
			verify(letters, db, checker, root, canary, quiet, kills, killLog, databaseRestart, millisSince(began), answers,
					Referrals.check(db, mail.getReceivedMessages(), staff));
		}
		finally {
			stopping.set(true);
			giveUpAt.set(0);
			staffGiveUpAt.set(0);
			load.shutdownNow();
			desk.shutdownNow();
			server.stop();
			database.stop();
			mail.stop();
		}
	}

	/** Stops PostgreSQL under the running server and starts it again: 503s meanwhile, recovery without a restart. */
	private static String restartDatabase(HarnessDatabase database, KinlinkServer server, HttpClient http, String canary,
			Map<String, AtomicInteger> answers) throws Exception {
		assertThat(server.awaitUp(Duration.ofMinutes(5))).as("up before the database restart").isTrue();
		long pid = server.pid();
		database.stop();
		long down = System.nanoTime();
		int healthWhileDown = server.health();
		log("database stopped; health answered %d while it was down", healthWhileDown);
		database.start();
		log("database started again after %d ms", millisSince(down));
		PortalClient probe = new PortalClient(server.base(), canary, http, new Random(1), new AtomicInteger(1_000_000),
				new AtomicInteger(), answers);
		Letter letter = new Letter(-1, Letter.Way.API_TEXT);
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		probe.send(letter, () -> System.nanoTime() > deadline);
		long recovered = millisSince(down);
		assertThat(letter.outcome).as("a letter after the database came back").isEqualTo(Letter.Outcome.ACKNOWLEDGED);
		assertThat(server.alive() && server.pid() == pid).as("the same server process recovered").isTrue();
		assertThat(healthWhileDown).as("health while the database is down (S20: a clear 503)").isEqualTo(503);
		assertThat(probe.statusFound(letter.receipt)).isTrue();
		return String.format("health %d while down; first letter acknowledged %d ms after the stop, same process (pid %d)",
				healthWhileDown, recovered, pid);
	}

	/** What the quiet server left, once jobs, publications and the orphan sweep are done. */
	private record Quiet(long waitedMillis, int unfinishedJobs, int incompletePublications, int publications,
			Set<String> objects, Set<String> rows, int partials) {
	}

	private static Quiet awaitQuiet(JdbcClient db, Path blobs) throws Exception {
		long start = System.nanoTime();
		Quiet quiet;
		do {
			TimeUnit.SECONDS.sleep(2);
			int jobs = db.sql("select count(*) from media.job where state in ('PENDING', 'RUNNING')").query(Integer.class).single();
			int incomplete = db.sql("select count(*) from event_publication where completion_date is null").query(Integer.class).single();
			int publications = db.sql("select count(*) from event_publication").query(Integer.class).single();
			Set<String> rows = new HashSet<>(db.sql("select object_name from storage.blob").query(String.class).list());
			Set<String> objects = new HashSet<>();
			int partials = 0;
			try (Stream<Path> files = Files.walk(blobs)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					String name = blobs.relativize(file).toString().replace('\\', '/');
					if (OBJECT_NAME.matcher(name).matches()) {
						objects.add(name);
					}
					else {
						partials++;
					}
				}
			}
			quiet = new Quiet(millisSince(start), jobs, incomplete, publications, objects, rows, partials);
		}
		while ((quiet.unfinishedJobs() > 0 || quiet.incompletePublications() > 0 || !quiet.objects().equals(quiet.rows())
				|| quiet.partials() > 0) && millisSince(start) < TimeUnit.MINUTES.toMillis(4));
		log("quiet after %d ms: %d unfinished jobs, %d of %d publications incomplete, %d objects, %d blob rows, %d partial files",
				quiet.waitedMillis(), quiet.unfinishedJobs(), quiet.incompletePublications(), quiet.publications(),
				quiet.objects().size(), quiet.rows().size(), quiet.partials());
		return quiet;
	}

	private static void verify(ConcurrentLinkedQueue<Letter> letters, JdbcClient db, PortalClient checker, Path root,
			String canary, Quiet quiet, int kills, List<String> killLog, String databaseRestart, long duration,
			Map<String, AtomicInteger> answers, Referrals referrals) throws Exception {
		Map<Letter.Outcome, Integer> outcomes = new TreeMap<>();
		letters.forEach(letter -> outcomes.merge(letter.outcome, 1, Integer::sum));
		List<Letter> acknowledged = letters.stream().filter(l -> l.outcome == Letter.Outcome.ACKNOWLEDGED).toList();
		long stored = letters.stream().filter(Letter::stored).count();
		int found = 0;
		for (Letter letter : acknowledged) {
			if (checker.statusFound(letter.receipt)) {
				found++;
			}
		}
		int messages = db.sql("select count(*) from messages.message").query(Integer.class).single();
		int receipts = db.sql("select count(*) from portal.receipt where message_id is not null").query(Integer.class).single();
		int withoutReceipt = db.sql("select count(*) from messages.message m where not exists (select 1 from portal.receipt r where r.message_id = m.id)")
			.query(Integer.class).single();
		int receiptWithoutMessage = db.sql("select count(*) from portal.receipt r where r.message_id is not null and not exists (select 1 from messages.message m where m.id = r.message_id)")
			.query(Integer.class).single();
		int fileWithoutMessage = db.sql("select count(*) from media.file f where not exists (select 1 from messages.message m where m.id = f.message_id)")
			.query(Integer.class).single();
		int claimedWithoutFile = db.sql("select count(*) from media.upload u where u.claimed_at is not null and not exists (select 1 from media.file f where f.upload_id = u.id)")
			.query(Integer.class).single();
		int danglingBlobs = db.sql("""
				select (select count(*) from media.file f where f.original_blob_id is not null and not exists (select 1 from storage.blob b where b.id = f.original_blob_id))
				     + (select count(*) from media.rendition r where not exists (select 1 from storage.blob b where b.id = r.blob_id))
				     + (select count(*) from media.upload_part p where not exists (select 1 from storage.blob b where b.id = p.blob_id))""")
			.query(Integer.class).single();
		Set<String> rowsWithoutObject = new HashSet<>(quiet.rows());
		rowsWithoutObject.removeAll(quiet.objects());
		Set<String> objectsWithoutRow = new HashSet<>(quiet.objects());
		objectsWithoutRow.removeAll(quiet.rows());
		Map<String, Integer> fileStates = new TreeMap<>();
		db.sql("select status, count(*) from media.file group by status").query((rs, n) -> fileStates.put(rs.getString(1), rs.getInt(2))).list();
		Map<String, Integer> jobStates = new TreeMap<>();
		db.sql("select state, count(*) from media.job group by state").query((rs, n) -> jobStates.put(rs.getString(1), rs.getInt(2))).list();
		int unclaimedUploads = db.sql("select count(*) from media.upload where claimed_at is null").query(Integer.class).single();

		// Files: every size is unique over the run, so a stored file names its letter; all of a letter's files in one message.
		Map<Long, Letter> bySize = new HashMap<>();
		letters.forEach(letter -> letter.fileSizes.forEach(size -> bySize.put(size, letter)));
		Map<UUID, List<Long>> filesByMessage = new HashMap<>();
		db.sql("select message_id, size from media.file").query((rs, n) -> filesByMessage
			.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getLong(2))).list();
		List<String> fileProblems = new ArrayList<>();
		Map<Letter, UUID> messageOf = new HashMap<>();
		Set<Long> seenSizes = new HashSet<>();
		filesByMessage.forEach((message, sizes) -> {
			for (long size : sizes) {
				Letter letter = bySize.get(size);
				if (!seenSizes.add(size)) {
					fileProblems.add("file of " + size + " bytes stored twice");
				}
				if (letter == null) {
					fileProblems.add("file of " + size + " bytes belongs to no letter");
				}
				else if (messageOf.putIfAbsent(letter, message) != null && !messageOf.get(letter).equals(message)) {
					fileProblems.add("letter " + letter.number + " has files in two messages");
				}
			}
		});
		for (Letter letter : letters) {
			if (letter.stored() && !letter.fileSizes.isEmpty()) {
				List<Long> kept = filesByMessage.getOrDefault(messageOf.get(letter), List.of());
				if (!new HashSet<>(kept).equals(new HashSet<>(letter.fileSizes))) {
					fileProblems.add("letter " + letter.number + " (" + letter.outcome + ") has files " + kept + ", sent " + letter.fileSizes);
				}
			}
			else if (!letter.stored() && messageOf.containsKey(letter)) {
				fileProblems.add("letter " + letter.number + " (" + letter.outcome + ") was stored after all");
			}
		}
		Map<String, Integer> canaryHits = new TreeMap<>();
		for (String dir : List.of("blobs", "tmp", "data", "logs", "pgdata")) {
			canaryHits.put(dir, canaryHits(root.resolve(dir), canary));
		}
		long confirmedUploads = letters.stream().mapToLong(letter -> letter.confirmedUploads.size()).sum();
		int probeLetters = databaseRestart.startsWith("health") ? 1 : 0;

		StringBuilder report = new StringBuilder("\n==== Crash harness figures ====\n");
		report.append(String.format("duration %d s, kills %d (SIGKILL, exit 137), PostgreSQL restarts 1: %s%n", duration / 1000, kills, databaseRestart));
		killLog.forEach(line -> report.append("  ").append(line).append('\n'));
		report.append(String.format("letters sent %d: %s; ways %s%n", letters.size(), outcomes, ways(letters)));
		report.append(String.format("acknowledged %d, found by receipt %d; stored (acknowledged + already received) %d + %d probe, messages in the database %d, receipts %d%n",
				acknowledged.size(), found, stored, probeLetters, messages, receipts));
		report.append(String.format("uploads confirmed by tus %d; files in the database %d %s; jobs %s; unclaimed uploads (expire later) %d%n",
				confirmedUploads, filesByMessage.values().stream().mapToInt(List::size).sum(), fileStates, jobStates, unclaimedUploads));
		report.append(String.format("half records: messages without receipt %d, receipts without message %d, files without message %d, claimed uploads without file %d, dangling blob references %d%n",
				withoutReceipt, receiptWithoutMessage, fileWithoutMessage, claimedWithoutFile, danglingBlobs));
		report.append(String.format("blob store: %d objects, %d rows, rows without object %d, objects without row %d, partial files %d (quiet after %d ms)%n",
				quiet.objects().size(), quiet.rows().size(), rowsWithoutObject.size(), objectsWithoutRow.size(), quiet.partials(), quiet.waitedMillis()));
		report.append(String.format("event publications %d, incomplete %d; canary hits %s; answers %s%n",
				quiet.publications(), quiet.incompletePublications(), canaryHits, new TreeMap<>(answers)));
		report.append(referrals.report()).append('\n');
		fileProblems.stream().limit(20).forEach(problem -> report.append("  file problem: ").append(problem).append('\n'));
		letters.stream().filter(l -> l.outcome == Letter.Outcome.REFUSED).limit(10)
			.forEach(l -> report.append("  refused letter ").append(l.number).append(": ").append(l.refusal).append('\n'));
		System.out.println(report);

		assertThat(outcomes.getOrDefault(Letter.Outcome.OPEN, 0)).as("letters left without an answer").isZero();
		assertThat(outcomes.getOrDefault(Letter.Outcome.REFUSED, 0)).as("letters refused (confirmed uploads not accepted)").isZero();
		assertThat(acknowledged).as("some letters were acknowledged").isNotEmpty();
		assertThat(found).as("acknowledged letters found by their receipts").isEqualTo(acknowledged.size());
		assertThat(acknowledged.stream().map(l -> l.receipt).distinct().count()).as("distinct receipts").isEqualTo(acknowledged.size());
		assertThat(messages).as("messages = letters stored, each once").isEqualTo(stored + probeLetters);
		assertThat(receipts).isEqualTo(messages);
		assertThat(withoutReceipt + receiptWithoutMessage + fileWithoutMessage + claimedWithoutFile + danglingBlobs).as("half records").isZero();
		assertThat(fileProblems).as("files of stored letters").isEmpty();
		assertThat(fileStates.keySet()).as("the harness's files are valid pictures: none may be set aside").containsOnly("READY");
		assertThat(rowsWithoutObject).as("blob rows whose ciphertext is gone").isEmpty();
		assertThat(objectsWithoutRow).as("orphan objects after the sweep").isEmpty();
		assertThat(quiet.partials()).as("unfinished writes after the sweep").isZero();
		assertThat(quiet.unfinishedJobs()).as("media jobs left pending or running").isZero();
		assertThat(quiet.incompletePublications()).as("event publications not completed").isZero();
		assertThat(canaryHits).as("plaintext canary on disk (S6)").allSatisfy((dir, hits) -> assertThat(hits).as(dir).isZero());
		referrals.assertSound();
		assertThat(kills).as("kills (S19 asks for at least 20)").isGreaterThanOrEqualTo(20);
	}

	private static Map<Letter.Way, Integer> ways(ConcurrentLinkedQueue<Letter> letters) {
		Map<Letter.Way, Integer> ways = new TreeMap<>();
		letters.forEach(letter -> ways.merge(letter.way, 1, Integer::sum));
		return ways;
	}

	/** Files under {@code dir} holding the canary in UTF-8, UTF-16 (either order) or Base64 (any alignment). */
	private static int canaryHits(Path dir, String canary) throws IOException {
		List<byte[]> needles = new ArrayList<>();
		needles.add(canary.getBytes(StandardCharsets.UTF_8));
		needles.add(canary.getBytes(StandardCharsets.UTF_16LE));
		needles.add(canary.getBytes(StandardCharsets.UTF_16BE));
		for (int shift = 0; shift < 3; shift++) {
			String encoded = Base64.getEncoder().encodeToString(("xx".substring(0, shift) + canary).getBytes(StandardCharsets.UTF_8));
			needles.add(encoded.substring(4, encoded.length() - 4).getBytes(StandardCharsets.US_ASCII));
		}
		int hits = 0;
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				byte[] content;
				try {
					content = Files.readAllBytes(file);
				}
				catch (IOException ex) {
					continue;
				}
				for (byte[] needle : needles) {
					if (indexOf(content, needle) >= 0) {
						log("canary found in %s", file);
						hits++;
						break;
					}
				}
			}
		}
		return hits;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static Path jar() throws IOException {
		String configured = System.getProperty("kinlink.crash.jar");
		if (configured != null && Files.isRegularFile(Path.of(configured))) {
			return Path.of(configured);
		}
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("kinlink-.*\\.jar"))
				.filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("package Kinlink first: target/kinlink-*.jar is missing"));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static long millisSince(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
	}

	private static void deleteTree(Path root) throws IOException {
		if (Files.exists(root)) {
			try (Stream<Path> paths = Files.walk(root)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	private static void log(String format, Object... args) {
		System.out.printf("[crash] " + format + "%n", args);
		System.out.flush();
	}

}
