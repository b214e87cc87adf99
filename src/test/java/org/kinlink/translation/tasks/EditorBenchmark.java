package org.kinlink.translation.tasks;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinlink.KinlinkApplication;
import org.kinlink.storage.Vault;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue #5 item 7, a benchmark (not a test): boots the whole application (profile "test": embedded PostgreSQL,
 * Thymeleaf's cache on as in production), makes a task of real Persian sentences from NTREX-128 newstest2019
 * (CC BY-SA 4.0, Federmann, Kocmi, Xin 2022) with their Albanian reference translations as targets, then opens
 * it in the editor through the full stack (security filters, controller, desk with Vault opening of every
 * segment, audit, every editor aid, Thymeleaf rendering) with MockMvc, and reports p50/p95/max over repeated
 * openings; then the same for the review page once it is submitted. Run {@code bench/editor-benchmark.sh}.
 */
public final class EditorBenchmark {

	private static final Path NTREX = Path.of("../shared/data/ntrex128");

	private EditorBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int segments = args.length > 0 ? Integer.parseInt(args[0]) : 300;
		int openings = args.length > 1 ? Integer.parseInt(args[1]) : 50;
		Path data = args.length > 2 ? Path.of(args[2]) : NTREX;
		List<String> persian = lines(data.resolve("newstest2019-ref.fas.txt"), segments);
		List<String> albanian = lines(data.resolve("newstest2019-ref.sqi.txt"), segments);
		SpringApplication application = new SpringApplication(KinlinkApplication.class);
		application.setAdditionalProfiles("test");
		long bootStart = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run("--server.port=0", "--spring.thymeleaf.cache=true",
				"--logging.level.root=WARN", "--logging.level.org.kinlink=WARN")) {
			long bootMillis = (System.nanoTime() - bootStart) / 1_000_000;
			TaskRepository tasks = context.getBean(TaskRepository.class);
			TaskTexts texts = context.getBean(TaskTexts.class);
			TranslationDesk desk = context.getBean(TranslationDesk.class);
			Staff translator = new Staff("bench.translator", true, false);
			TranslationTask task = translated(context, tasks, texts, desk, translator, "sq", persian, albanian);
			MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
				.apply(SecurityMockMvcConfigurers.springSecurity())
				.build();
			String path = "/staff/translations/" + task.id();
			System.out.printf("Editor benchmark: %d Persian segments (%d characters), %d openings; boot %d ms%n",
					persian.size(), persian.stream().mapToInt(String::length).sum(), openings, bootMillis);
			System.out.printf("Machine: %d processors, %s, Java %s%n", Runtime.getRuntime().availableProcessors(), cpu(),
					System.getProperty("java.version"));
			measure("editor (translator, EDIT)", mvc, path, "bench.translator", "TRANSLATOR", "<textarea", persian.size(),
					openings);
			// the review page of a task submitted for review (into English: no family message needs to move on)
			TranslationTask submitted = translated(context, tasks, texts, desk, translator, "en", persian, albanian);
			desk.submit(submitted.id(), translator, albanian, false, true);
			measure("review page (reviewer, REVIEW)", mvc, "/staff/translations/" + submitted.id(), "bench.reviewer", "REVIEWER", "class=\"target-text",
					persian.size(), openings);
		}
	}

	/** A task of the sentences, taken by the translator, with every target saved. */
	private static TranslationTask translated(ConfigurableApplicationContext context, TaskRepository tasks,
			TaskTexts texts, TranslationDesk desk, Staff translator, String target, List<String> sources,
			List<String> targets) {
		TranslationTask task = TranslationTask.open(UUID.randomUUID(), "KL-BENCH-" + target, "fa", target,
				context.getBean(Vault.class).newKey(), sources.size(), context.getBean(Clock.class).instant());
		tasks.insertIfAbsent(task);
		texts.storeSources(task, sources);
		desk.take(task.id(), translator);
		desk.save(task.id(), translator, targets, false);
		return task;
	}

	private static void measure(String what, MockMvc mvc, String path, String name, String role, String marker,
			int segments, int openings) throws Exception {
		for (int i = 0; i < Math.max(10, openings / 5); i++) {
			open(mvc, path, name, role);
		}
		long[] millis = new long[openings];
		long[] cpuMillis = new long[openings];
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		int bytes = 0;
		for (int i = 0; i < openings; i++) {
			long start = System.nanoTime();
			long cpuStart = threads.getCurrentThreadCpuTime();
			String page = open(mvc, path, name, role);
			millis[i] = (System.nanoTime() - start) / 1_000_000;
			cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
			bytes = page.getBytes(StandardCharsets.UTF_8).length;
			int found = count(page, marker);
			if (found != segments) {
				throw new IllegalStateException(what + ": " + found + " segments rendered, expected " + segments);
			}
		}
		Arrays.sort(millis);
		Arrays.sort(cpuMillis);
		System.out.printf("%s: wall p50 %d ms, p95 %d ms, max %d ms; CPU of the request thread p50 %d ms, p95 %d ms; "
				+ "page %d KiB; load average %.1f%n", what, millis[millis.length / 2],
				millis[(int) Math.ceil(millis.length * 0.95) - 1], millis[millis.length - 1], cpuMillis[cpuMillis.length / 2],
				cpuMillis[(int) Math.ceil(cpuMillis.length * 0.95) - 1], bytes / 1024,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static String open(MockMvc mvc, String path, String name, String role) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(user(name).roles(role))).andReturn().getResponse();
		if (response.getStatus() != 200) {
			throw new IllegalStateException(path + " answered " + response.getStatus());
		}
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static int count(String text, String marker) {
		Matcher matcher = Pattern.compile(Pattern.quote(marker)).matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static List<String> lines(Path file, int limit) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
			.map(String::strip)
			.filter(line -> !line.isEmpty())
			.limit(limit)
			.toList();
		if (lines.size() < limit) {
			throw new IllegalArgumentException(file + " has fewer than " + limit + " sentences");
		}
		return lines;
	}

	private static String cpu() throws IOException {
		Path info = Path.of("/proc/cpuinfo");
		if (!Files.isReadable(info)) {
			return System.getProperty("os.arch");
		}
		return Files.readAllLines(info).stream()
			.filter(line -> line.startsWith("model name"))
			.map(line -> line.substring(line.indexOf(':') + 1).strip())
			.findFirst()
			.orElse(System.getProperty("os.arch"));
	}

}
