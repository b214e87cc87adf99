package org.kinlink.translation.glossary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Issue #5 item 2, a benchmark (not a test): builds a glossary of TERMS terms (words and word pairs of the
 * NTREX-128 Persian corpus, so that many of them occur) and finds them in 300 segments of that corpus, as the
 * editor does on every opening of a 300-segment document; then checks each hit's rendering in a target as QA
 * does. Reports the build time (third build), the median and worst time of a 300-segment pass (30 passes), the
 * time of the QA check over the same segments (fifth run), and the hits. Run
 * {@code bench/glossary-benchmark.sh [terms] [corpus file]}.
 */
public final class GlossaryBenchmark {

	private GlossaryBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int size = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
		Path corpus = Path.of(args.length > 1 ? args[1] : "../../shared/data/ntrex128/newstest2019-ref.fas.txt");
		List<String> lines = Files.readAllLines(corpus, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
		List<String> segments = lines.subList(0, Math.min(300, lines.size()));
		Set<String> phrases = new LinkedHashSet<>();
		for (String line : lines) {
			String[] words = line.split("[\\s\\p{P}]+");
			for (int i = 0; i < words.length && phrases.size() < size; i++) {
				if (words[i].length() > 3) {
					phrases.add(words[i]);
				}
				if (i + 1 < words.length && words[i].length() > 2 && words[i + 1].length() > 2) {
					phrases.add(words[i] + " " + words[i + 1]);
				}
			}
		}
		LanguagePair pair = new LanguagePair("fa", "sq");
		List<GlossaryTerm> terms = new ArrayList<>();
		int n = 0;
		for (String phrase : phrases) {
			terms.add(new GlossaryTerm(UUID.randomUUID(), pair, TermKind.TERM, phrase, List.of("fjala" + n++), null, 0, "bench", null));
		}
		TermIndex index = null;
		double buildMs = 0;
		for (int build = 0; build < 3; build++) {
			long start = System.nanoTime();
			index = TermIndex.of(terms);
			buildMs = (System.nanoTime() - start) / 1e6;
		}
		long[] runs = new long[30];
		int hits = 0;
		for (int run = 0; run < runs.length; run++) {
			long t = System.nanoTime();
			hits = 0;
			for (String segment : segments) {
				hits += index.find(segment).size();
			}
			runs[run] = System.nanoTime() - t;
		}
		double qaMs = 0;
		for (int run = 0; run < 5; run++) {
			long q = System.nanoTime();
			for (String segment : segments) {
				Renderings.Translation target = Renderings.in("Ky është një përkthim i shkurtër pa fjalë të glosarit.");
				for (TermIndex.Found found : index.find(segment)) {
					target.uses(found.term().renderings());
				}
			}
			qaMs = (System.nanoTime() - q) / 1e6;
		}
		Arrays.sort(runs);
		System.out.printf("terms=%d build=%.1f ms segments=%d hits=%d pass median=%.2f ms worst=%.2f ms qa-pass=%.1f ms%n",
				index.size(), buildMs, segments.size(), hits, runs[runs.length / 2] / 1e6, runs[runs.length - 1] / 1e6, qaMs);
	}

}
