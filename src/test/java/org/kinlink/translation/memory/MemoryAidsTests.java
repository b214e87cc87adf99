package org.kinlink.translation.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kinlink.translation.tasks.AidNote;
import org.kinlink.translation.tasks.Suggestion;
import org.kinlink.translation.tasks.Suggestion.DiffPart.Change;

import org.springframework.util.unit.DataSize;

/** The editor's help from the memory on real Persian and Albanian (NTREX-128, CC BY-SA 4.0). */
class MemoryAidsTests {

	static final List<MemoryUnit> PAIRS = Ntrex.pairs();

	static MemoryAids aids(MemoryIndex index, int minScore) {
		return new MemoryAids(index, new MemorySettings(minScore, 3, DataSize.ofMegabytes(25), true), null);
	}

	static MemoryIndex filled() {
		MemoryIndex index = new MemoryIndex();
		index.add(PairIndexTests.batch(MemoryBatch.Origin.IMPORT), PAIRS);
		index.markReady();
		return index;
	}

	@Test
	void eachSegmentGetsItsMatchesWithTheMemorysSourceAndItsDifferences() {
		String changed = PAIRS.get(4).source().replaceFirst(" ", " دیروز ");
		MemoryAids.Help help = aids(filled(), 70).help(PairIndexTests.FA_SQ,
				List.of(PAIRS.get(3).source(), changed, "پنجره آبی خانهٔ همسایه باز ماند"));

		Suggestion exact = help.aids().suggestionsFor(1).get(0);
		assertThat(exact.origin()).isEqualTo(Suggestion.Origin.MEMORY);
		assertThat(exact.score()).isEqualTo(100);
		assertThat(exact.text()).isEqualTo(PAIRS.get(3).target());
		assertThat(exact.exact()).isTrue();
		Suggestion fuzzy = help.aids().suggestionsFor(2).get(0);
		assertThat(fuzzy.score()).isBetween(85, 99);
		assertThat(fuzzy.matchedSource()).isEqualTo(PAIRS.get(4).source());
		assertThat(fuzzy.sourceDiff()).anyMatch(part -> part.change() == Change.INSERTED && part.text().contains("دیروز"));
		assertThat(help.aids().suggestionsFor(3)).isEmpty();
		assertThat(help.shown()).isEqualTo(2);
	}

	@Test
	void leverageCountsSegmentsAndWordsPerBand() {
		String[] words = PAIRS.get(1).source().split(" ");
		words[3] = "دیروز"; // one of 24 words: 95
		String ninetyFive = String.join(" ", words);
		MemoryAids.Help help = aids(filled(), 70).help(PairIndexTests.FA_SQ,
				List.of(PAIRS.get(3).source(), ninetyFive, "پنجره آبی خانهٔ همسایه باز ماند", "«...»"));
		Leverage leverage = help.leverage();
		assertThat(leverage.segments(0)).isEqualTo(1);
		assertThat(leverage.words(0)).isEqualTo(MemoryText.words(PAIRS.get(3).source()).length);
		assertThat(leverage.segments(1)).isEqualTo(1);
		assertThat(leverage.segments(4)).isEqualTo(2);
		assertThat(leverage.words(4)).isEqualTo(6);
		AidNote note = help.aids().notes().get(0);
		assertThat(note.code()).isEqualTo("memory.leverage");
		assertThat(note.args()).hasSize(10).startsWith(1, MemoryText.words(PAIRS.get(3).source()).length, 1);
	}

	@Test
	void aHigherThresholdShowsFewerMatchesAndAnIndexStillLoadingSaysSo() {
		String[] words = PAIRS.get(1).source().split(" ");
		for (int i = 0; i < 5; i++) {
			words[i * 4] = "دیروز";
		}
		String changed = String.join(" ", words);
		assertThat(aids(filled(), 70).help(PairIndexTests.FA_SQ, List.of(changed)).aids().suggestionsFor(1)).isNotEmpty();
		assertThat(aids(filled(), 90).help(PairIndexTests.FA_SQ, List.of(changed)).aids().suggestionsFor(1)).isEmpty();

		MemoryIndex loading = new MemoryIndex();
		assertThat(aids(loading, 70).help(PairIndexTests.FA_SQ, List.of(changed)).aids().notes())
			.extracting(AidNote::code).containsExactly("memory.loading", "memory.leverage");
		assertThat(aids(filled(), 70).help(new LanguagePair("fa", "en"), List.of(PAIRS.get(3).source())).aids()
			.suggestionsFor(1)).as("another language pair").isEmpty();
	}

}
