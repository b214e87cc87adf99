package org.kinlink.translation.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The index on real Persian and Albanian (NTREX-128, CC BY-SA 4.0): exact, fuzzy, nothing missed, thread-safe. */
class PairIndexTests {

	static final LanguagePair FA_SQ = new LanguagePair("fa", "sq");

	static final List<MemoryUnit> PAIRS = Ntrex.pairs();

	static MemoryBatch batch(MemoryBatch.Origin origin) {
		return new MemoryBatch(UUID.randomUUID(), origin, origin == MemoryBatch.Origin.TASK ? UUID.randomUUID() : null,
				FA_SQ, UUID.randomUUID(), 0, "rita", Instant.parse("2026-11-20T10:00:00Z"));
	}

	static PairIndex filled() {
		PairIndex index = new PairIndex();
		index.add(batch(MemoryBatch.Origin.IMPORT), PAIRS);
		return index;
	}

	@Test
	void aSentenceWrittenWithOtherDigitsZwnjAndArabicLettersIsAnExactMatch() {
		PairIndex index = filled();
		MemoryUnit unit = PAIRS.get(2); // line 3
		String retyped = unit.source().replace('ی', 'ي').replace("\u200C", " ").replace(" ", "  ");
		List<MemoryMatch> matches = index.find(retyped, 70, 3);
		assertThat(matches).isNotEmpty();
		assertThat(matches.get(0).score()).isEqualTo(100);
		assertThat(matches.get(0).target()).isEqualTo(unit.target());
	}

	@Test
	void oneWordChangedScoresByTheShareOfWordsKept() {
		PairIndex index = filled();
		MemoryUnit unit = PAIRS.get(1); // line 2, 24 words
		String[] words = unit.source().split(" ");
		words[words.length / 2] = "دیروز";
		String changed = String.join(" ", words);
		int wordCount = MemoryText.words(unit.source()).length;
		List<MemoryMatch> matches = index.find(changed, 70, 3);
		assertThat(matches).isNotEmpty();
		assertThat(matches.get(0).target()).isEqualTo(unit.target());
		assertThat(matches.get(0).score()).isEqualTo((int) Math.floor(100.0 * (wordCount - 1) / wordCount)).isLessThan(100);
	}

	@Test
	void punctuationAloneMakesNinetyNineNotAnExactMatch() {
		PairIndex index = filled();
		MemoryUnit unit = PAIRS.get(2);
		List<MemoryMatch> matches = index.find(unit.source().replace(".", "!"), 70, 3);
		assertThat(matches.get(0).score()).isEqualTo(99);
	}

	@Test
	void nothingBelowTheThresholdAndNothingForAnUnrelatedSentence() {
		PairIndex index = filled();
		assertThat(index.find("پنجره آبی خانهٔ همسایه باز ماند", 70, 3)).isEmpty();
		assertThat(index.find("", 70, 3)).isEmpty();
		assertThat(index.find("!؟.", 70, 3)).isEmpty();
		for (MemoryMatch match : index.find(PAIRS.get(10).source() + " و همچنین چیزهای دیگر", 80, 10)) {
			assertThat(match.score()).isGreaterThanOrEqualTo(80);
		}
	}

	@Test
	void thePrefixFilterMissesNoMatchThatScanningEveryUnitFinds() {
		PairIndex index = filled();
		Random random = new Random(5);
		for (int q = 0; q < 150; q++) {
			String[] words = PAIRS.get(random.nextInt(PAIRS.size())).source().split(" ");
			List<String> changed = new ArrayList<>(List.of(words));
			int edits = random.nextInt(Math.max(1, words.length / 3) + 1);
			for (int e = 0; e < edits && !changed.isEmpty(); e++) {
				int at = random.nextInt(changed.size());
				switch (random.nextInt(3)) {
					case 0 -> changed.remove(at);
					case 1 -> changed.set(at, PAIRS.get(random.nextInt(PAIRS.size())).source().split(" ")[0]);
					default -> changed.add(at, "همچنین");
				}
			}
			String query = String.join(" ", changed);
			int minScore = 70 + random.nextInt(25);
			assertThat(index.find(query, minScore, 1000).stream().map(MemoryMatch::target).sorted().toList())
				.as(query)
				.isEqualTo(bruteForce(query, minScore));
		}
	}

	/** Every unit scored one by one, one per distinct translation: what the index must return. */
	private static List<String> bruteForce(String query, int minScore) {
		PairIndex single = new PairIndex();
		List<String> targets = new ArrayList<>();
		for (MemoryUnit unit : PAIRS) {
			String[] q = MemoryText.words(query);
			String[] u = MemoryText.words(unit.source());
			java.util.Map<String, Integer> ids = new java.util.HashMap<>();
			int[] qi = java.util.Arrays.stream(q).mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
			int[] ui = java.util.Arrays.stream(u).mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
			int longer = Math.max(qi.length, ui.length);
			int distance = TokenDistance.between(qi, ui, longer);
			int score = MemoryText.normalize(query).equals(MemoryText.normalize(unit.source())) ? 100
					: TokenDistance.score(distance, longer);
			if (qi.length > 0 && score >= minScore && !targets.contains(unit.target())) {
				targets.add(unit.target());
			}
		}
		assertThat(single.size()).isZero();
		return targets.stream().sorted().toList();
	}

	@Test
	void aForgottenBatchIsNoLongerFound() {
		PairIndex index = new PairIndex();
		MemoryBatch batch = batch(MemoryBatch.Origin.TASK);
		index.add(batch, PAIRS.subList(0, 10));
		assertThat(index.add(batch, PAIRS.subList(0, 10))).as("a batch is added once").isFalse();
		assertThat(index.size()).isEqualTo(10);
		index.remove(batch.id());
		assertThat(index.find(PAIRS.get(3).source(), 70, 3)).isEmpty();
		assertThat(index.size()).isZero();
	}

	@Test
	void theSameTranslationIsShownOnceAndTheBestFirst() {
		PairIndex index = new PairIndex();
		index.add(batch(MemoryBatch.Origin.TASK), List.of(PAIRS.get(5)));
		index.add(batch(MemoryBatch.Origin.TASK), List.of(PAIRS.get(5)));
		List<MemoryMatch> matches = index.find(PAIRS.get(5).source(), 70, 3);
		assertThat(matches).hasSize(1);
	}

	@Test
	void lookUpsWhileBatchesAreAddedAndRemovedSeeWholeBatches() throws Exception {
		PairIndex index = new PairIndex();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < 2; t++) {
				work.add(pool.submit(() -> {
					for (int i = 0; i < 30; i++) {
						MemoryBatch batch = batch(MemoryBatch.Origin.TASK);
						index.add(batch, PAIRS.subList(i * 10, i * 10 + 10));
						if (i % 3 == 0) {
							index.remove(batch.id());
						}
					}
				}));
				work.add(pool.submit(() -> {
					for (int i = 0; i < 300; i++) {
						for (MemoryMatch match : index.find(PAIRS.get(i).source(), 70, 3)) {
							assertThat(match.score()).isBetween(70, 100);
						}
					}
				}));
			}
			for (Future<?> future : work) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(index.size()).isEqualTo(2 * 20 * 10);
	}

}
