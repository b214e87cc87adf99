package org.kinlink.translation.memory;

import java.util.List;

import org.kinlink.translation.tasks.AidNote;

/**
 * How much of a document the memory covers: segments and words (of the source) by the band of their best
 * match: 100%, 95-99%, 85-94%, 75-84%, and no match (below 75% or nothing).
 */
final class Leverage {

	static final int[] BAND_FLOORS = { 100, 95, 85, 75 };

	private final int[] segments = new int[BAND_FLOORS.length + 1];

	private final int[] words = new int[BAND_FLOORS.length + 1];

	/** Counts one segment with its best score (0 when nothing matched). */
	void count(int bestScore, int wordCount) {
		int band = BAND_FLOORS.length;
		for (int i = 0; i < BAND_FLOORS.length; i++) {
			if (bestScore >= BAND_FLOORS[i]) {
				band = i;
				break;
			}
		}
		segments[band]++;
		words[band] += wordCount;
	}

	int segments(int band) {
		return segments[band];
	}

	int words(int band) {
		return words[band];
	}

	/** The note "memory.leverage" with segments and words per band, best band first. */
	AidNote note() {
		Object[] args = new Object[segments.length * 2];
		for (int band = 0; band < segments.length; band++) {
			args[band * 2] = segments[band];
			args[band * 2 + 1] = words[band];
		}
		return new AidNote("memory.leverage", List.of(args));
	}

}
