package org.kinlink.translation.memory;

/** Levenshtein distance over word ids: a word inserted, deleted or replaced costs one. */
final class TokenDistance {

	private TokenDistance() {
	}

	/** The distance, or {@code limit + 1} as soon as it is known to exceed the limit. */
	static int between(int[] a, int[] b, int limit) {
		int m = a.length;
		int n = b.length;
		if (Math.abs(m - n) > limit) {
			return limit + 1;
		}
		int[] previous = new int[n + 1];
		int[] current = new int[n + 1];
		for (int j = 0; j <= n; j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= m; i++) {
			current[0] = i;
			int rowMin = current[0];
			int ai = a[i - 1];
			for (int j = 1; j <= n; j++) {
				int cost = ai == b[j - 1] ? 0 : 1;
				int best = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
				current[j] = best;
				if (best < rowMin) {
					rowMin = best;
				}
			}
			if (rowMin > limit) {
				return limit + 1;
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return Math.min(previous[n], limit + 1);
	}

	/** The score 0 to 99 of two word sequences that are not the same sentence: 100 × (1 − distance / longer). */
	static int score(int distance, int longer) {
		if (longer == 0) {
			return 0;
		}
		return Math.min(99, (int) Math.floor(100.0 * (longer - distance) / longer));
	}

}
