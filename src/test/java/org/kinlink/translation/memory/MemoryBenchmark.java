package org.kinlink.translation.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.kinlink.KinlinkApplication;
import org.kinlink.storage.Vault;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #5 item 1, a benchmark (not a test): starts Kinlink with its embedded PostgreSQL and real Vault (Tink
 * AES-256-GCM data keys wrapped by the key-encryption key), stores UNITS generated from the NTREX-128 Persian
 * and Albanian sentences with variations (words replaced, dropped, added, numbers changed) as 2,000 approved
 * tasks of 50 units and imports of 10,000 for the rest, then measures: the index build from the sealed rows
 * exactly as at start-up (select the batches and pages, unwrap each batch key, open each page, decode, index),
 * the heap the index holds, and the memory's help for DOCUMENTS documents of 300 segments (a fifth exact
 * sentences, two fifths variations, two fifths Dari sentences that are no match), per document.
 * Run {@code bench/memory-benchmark.sh [units] [documents] [ntrex folder]}.
 */
public final class MemoryBenchmark {

	static final LanguagePair FA_SQ = new LanguagePair("fa", "sq");

	private MemoryBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int total = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
		int documents = args.length > 1 ? Integer.parseInt(args[1]) : 50;
		Path ntrex = Path.of(args.length > 2 ? args[2] : "../shared/data/ntrex128");
		List<String> persian = lines(ntrex.resolve("newstest2019-ref.fas.txt"));
		List<String> albanian = lines(ntrex.resolve("newstest2019-ref.sqi.txt"));
		List<String> dari = lines(ntrex.resolve("newstest2019-ref.prs.txt"));
		Random random = new Random(20261126);

		ConfigurableApplicationContext context = new SpringApplicationBuilder(KinlinkApplication.class).profiles("test")
			.properties("kinlink.translation.memory.load-on-start=false", "server.port=0", "logging.level.root=WARN")
			.run();
		try {
			MemoryStore store = context.getBean(MemoryStore.class);
			Vault vault = context.getBean(Vault.class);
			MemorySettings settings = context.getBean(MemorySettings.class);
			TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

			List<MemoryUnit> units = new ArrayList<>(total);
			for (int i = 0; i < total; i++) {
				int line = random.nextInt(persian.size());
				units.add(i < persian.size() ? new MemoryUnit(persian.get(i), albanian.get(i))
						: new MemoryUnit(vary(persian.get(line), persian, random), vary(albanian.get(line), albanian, random)));
			}
			long storeStart = System.nanoTime();
			int batches = 0;
			for (int from = 0; from < total; batches++) {
				int size = batches < 2_000 ? 50 : 10_000;
				List<MemoryUnit> slice = units.subList(from, Math.min(total, from + size));
				MemoryBatch.Origin origin = batches < 2_000 ? MemoryBatch.Origin.TASK : MemoryBatch.Origin.IMPORT;
				transaction.executeWithoutResult(status -> store.insert(new MemoryBatch(UUID.randomUUID(), origin,
						origin == MemoryBatch.Origin.TASK ? UUID.randomUUID() : null, FA_SQ, vault.newKey(), slice.size(),
						"bench", Instant.now()), slice));
				from += slice.size();
			}
			long storeMillis = (System.nanoTime() - storeStart) / 1_000_000;

			long heapBefore = heap();
			MemoryIndex index = new MemoryIndex();
			long buildStart = System.nanoTime();
			int loaded = new MemoryLoader(store, index, settings).load();
			long buildMillis = (System.nanoTime() - buildStart) / 1_000_000;
			long heapAfter = heap();

			long openStart = System.nanoTime();
			int opened = 0;
			for (MemoryBatch batch : store.batches()) {
				opened += store.open(batch).size();
			}
			long openMillis = (System.nanoTime() - openStart) / 1_000_000;
			UUID key = vault.newKey();
			byte[] one = vault.sealText(key, persian.get(0), "bench");
			long singleStart = System.nanoTime();
			for (int i = 0; i < 2_000; i++) {
				vault.openText(key, one, "bench");
			}
			double singleMicros = (System.nanoTime() - singleStart) / 1_000.0 / 2_000;

			MemoryAids aids = new MemoryAids(index, settings, null);
			long[] nanos = new long[documents];
			long[] cpu = new long[documents];
			var threads = java.lang.management.ManagementFactory.getThreadMXBean();
			Leverage sample = null;
			for (int d = 0; d < documents + 3; d++) {
				List<String> sources = new ArrayList<>(300);
				for (int s = 0; s < 300; s++) {
					int kind = random.nextInt(5);
					int line = random.nextInt(persian.size());
					sources.add(kind == 0 ? persian.get(line)
							: kind <= 2 ? vary(persian.get(line), persian, random) : dari.get(line));
				}
				long start = System.nanoTime();
				long cpuStart = threads.getCurrentThreadCpuTime();
				MemoryAids.Help help = aids.help(FA_SQ, sources);
				long took = System.nanoTime() - start;
				if (d >= 3) { // the first three warm the JIT up
					nanos[d - 3] = took;
					cpu[d - 3] = threads.getCurrentThreadCpuTime() - cpuStart;
					sample = help.leverage();
				}
			}
			Arrays.sort(nanos);
			Arrays.sort(cpu);
			System.out.printf(Locale.ROOT, "units\t%d in %d batches (stored and sealed in %d ms)%n", loaded, batches, storeMillis);
			System.out.printf(Locale.ROOT, "index build from sealed rows\t%d ms (of which select+unwrap+open+decode alone: %d ms for %d units)%n",
					buildMillis, openMillis, opened);
			System.out.printf(Locale.ROOT, "one Vault.open of a single sealed sentence\t%.0f us (x %d units x 2 = %.0f s if sealed per unit)%n",
					singleMicros, total, singleMicros * total * 2 / 1_000_000);
			System.out.printf(Locale.ROOT, "index heap\t%d MB%n", (heapAfter - heapBefore) / (1024 * 1024));
			System.out.printf(Locale.ROOT, "300-segment document, %d documents\tp50 %.0f ms\tp95 %.0f ms\tmax %.0f ms%n", documents,
					ms(nanos, 0.50), ms(nanos, 0.95), nanos[nanos.length - 1] / 1e6);
			System.out.printf(Locale.ROOT, "same, CPU time of the thread\tp50 %.0f ms\tp95 %.0f ms%n", ms(cpu, 0.50), ms(cpu, 0.95));
			System.out.printf(Locale.ROOT, "load average at the end\t%s%n", Files.readString(Path.of("/proc/loadavg")).strip());
			System.out.printf(Locale.ROOT, "leverage of the last document (segments/words)\t100%%: %d/%d\t95-99: %d/%d\t85-94: %d/%d\t75-84: %d/%d\tnone: %d/%d%n",
					sample.segments(0), sample.words(0), sample.segments(1), sample.words(1), sample.segments(2), sample.words(2),
					sample.segments(3), sample.words(3), sample.segments(4), sample.words(4));
			if (index.size() != loaded) {
				throw new IllegalStateException("index lost units");
			}
		}
		finally {
			context.close();
		}
	}

	/** The sentence with one to three words replaced, dropped or added, or a number changed. */
	static String vary(String sentence, List<String> corpus, Random random) {
		List<String> words = new ArrayList<>(List.of(sentence.split(" ")));
		int edits = 1 + random.nextInt(3);
		for (int e = 0; e < edits && words.size() > 1; e++) {
			int at = random.nextInt(words.size());
			String[] other = corpus.get(random.nextInt(corpus.size())).split(" ");
			switch (random.nextInt(4)) {
				case 0 -> words.remove(at);
				case 1 -> words.add(at, other[random.nextInt(other.length)]);
				case 2 -> words.set(at, other[random.nextInt(other.length)]);
				default -> words.set(at, String.valueOf(random.nextInt(2000)));
			}
		}
		return String.join(" ", words);
	}

	private static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
	}

	private static long heap() {
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

}
