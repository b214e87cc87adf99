package org.kinlink.translation.memory;

/** Levenshtein distance over word ids: a word inserted, deleted or replaced costs one. */
final class TokenDistance {

	private TokenDistance() {
	}

	/**
	 * The distance, or {@code limit + 1} as soon as it is known to exceed the limit. Only the diagonal band of
	 * width 2·limit + 1 is computed (Ukkonen): a path leaving it costs more than the limit.
	 */
	static int between(int[] a, int[] b, int limit) {
		int m = a.length;
		int n = b.length;
		int big = limit + 1;
		if (Math.abs(m - n) > limit) {
			return big;
		}
		int[] previous = new int[n + 1];
		int[] current = new int[n + 1];
		for (int j = 0; j <= n; j++) {
			previous[j] = j <= limit ? j : big;
		}
		for (int i = 1; i <= m; i++) {
			int from = Math.max(1, i - limit);
			int to = Math.min(n, i + limit);
			current[0] = i <= limit ? i : big;
			if (from > 1) {
				current[from - 1] = big;
			}
			int rowMin = from == 1 ? current[0] : big;
			int ai = a[i - 1];
			for (int j = from; j <= to; j++) {
				int cost = ai == b[j - 1] ? 0 : 1;
				int best = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
				if (best > big) {
					best = big;
				}
				current[j] = best;
				if (best < rowMin) {
					rowMin = best;
				}
			}
			if (to < n) {
				current[to + 1] = big;
			}
			if (rowMin > limit) {
				return big;
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return Math.min(previous[n], big);
	}

	/** The score 0 to 99 of two word sequences that are not the same sentence: 100 × (1 − distance / longer). */
	static int score(int distance, int longer) {
		if (longer == 0) {
			return 0;
		}
		return Math.min(99, (int) Math.floor(100.0 * (longer - distance) / longer));
	}

}
