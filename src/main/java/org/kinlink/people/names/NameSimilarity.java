package org.kinlink.people.names;

import java.util.ArrayList;
import java.util.List;

/**
 * How alike two full names are, in either script. Their parts are aligned in order, a part of one name may
 * stand against two joined parts of the other (امیرحسین against Amir Hossein), a part may be missing, and the
 * family name may come first on one side (as on forms that ask for it first). The score leans on the weakest
 * aligned part: Mohammad Dehghani and Mahmoud Dehghani share a family name but are different men.
 */
public final class NameSimilarity {

	/** A part missing on one side counts as this alike. */
	static final double MISSING = 0.4;

	/** Names compared in a different order lose this much. */
	static final double REORDERED = 0.03;

	private NameSimilarity() {
	}

	/** One aligned pair of parts (either side may be a joined pair, or empty when missing) and how alike. */
	public record Part(String a, String b, double similarity) {
	}

	/** The similarity of the names and the alignment that gave it. */
	public record Result(double score, List<Part> parts) {

		static final Result NONE = new Result(0, List.of());

	}

	private static final Memo<String, Result> RESULTS = new Memo<>(500_000);

	public static Result compare(String nameA, String nameB) {
		if (nameA == null || nameB == null) {
			return Result.NONE;
		}
		return RESULTS.get(nameA + '\t' + nameB, ignored -> compare(NameForms.tokens(nameA), NameForms.tokens(nameB)));
	}

	public static Result compare(List<String> a, List<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return Result.NONE;
		}
		Result inOrder = align(a, b);
		if (b.size() < 2) {
			return inOrder;
		}
		// family name first on one side: move b's last part to the front
		List<String> rotated = new ArrayList<>(b.size());
		rotated.add(b.get(b.size() - 1));
		rotated.addAll(b.subList(0, b.size() - 1));
		Result other = align(a, rotated);
		return other.score() - REORDERED > inOrder.score() ? new Result(other.score() - REORDERED, other.parts()) : inOrder;
	}

	private static Result align(List<String> a, List<String> b) {
		int n = a.size();
		int m = b.size();
		double[][] best = new double[n + 1][m + 1];
		int[][] move = new int[n + 1][m + 1];
		for (int i = 0; i <= n; i++) {
			for (int j = 0; j <= m; j++) {
				if (i == 0 && j == 0) {
					continue;
				}
				best[i][j] = Double.NEGATIVE_INFINITY;
				consider(best, move, i, j, 1, 1, a, b);
				consider(best, move, i, j, 2, 1, a, b);
				consider(best, move, i, j, 1, 2, a, b);
				consider(best, move, i, j, 1, 0, a, b);
				consider(best, move, i, j, 0, 1, a, b);
			}
		}
		List<Part> parts = new ArrayList<>();
		int i = n;
		int j = m;
		while (i > 0 || j > 0) {
			int di = move[i][j] / 10;
			int dj = move[i][j] % 10;
			String left = String.join("", a.subList(i - di, i));
			String right = String.join("", b.subList(j - dj, j));
			parts.add(0, new Part(left, right, di == 0 || dj == 0 ? MISSING : similarity(a.subList(i - di, i), b.subList(j - dj, j))));
			i -= di;
			j -= dj;
		}
		return new Result(combine(parts), List.copyOf(parts));
	}

	private static void consider(double[][] best, int[][] move, int i, int j, int di, int dj, List<String> a, List<String> b) {
		if (i < di || j < dj) {
			return;
		}
		double similarity = di == 0 || dj == 0 ? MISSING : similarity(a.subList(i - di, i), b.subList(j - dj, j));
		// a joined pair stands for two parts, so it weighs twice; a missing part is half of a pair
		double value = best[i - di][j - dj] + (di == 0 || dj == 0 ? similarity / 2 : similarity * Math.max(di, dj));
		if (value > best[i][j]) {
			best[i][j] = value;
			move[i][j] = di * 10 + dj;
		}
	}

	/**
	 * Parts against parts: one against one directly; two against one (a compound written joined on one side) by
	 * the best place to cut the joined one, each half against its part, the worse half counting: امیرحسین is not
	 * Amir Hassan.
	 */
	static double similarity(List<String> left, List<String> right) {
		if (left.size() == 1 && right.size() == 1) {
			return SoundDistance.similarity(left.get(0), right.get(0));
		}
		List<String> pair = left.size() == 2 ? left : right;
		String joined = left.size() == 2 ? right.get(0) : left.get(0);
		double best = 0;
		for (int cut = 1; cut < joined.length(); cut++) {
			double first = SoundDistance.similarity(pair.get(0), joined.substring(0, cut));
			double second = SoundDistance.similarity(pair.get(1), joined.substring(cut));
			best = Math.max(best, Math.min(first, second));
		}
		return best;
	}

	/** Mostly the weakest part, partly the mean: one wrong part sinks the name. */
	static double combine(List<Part> parts) {
		double min = 1;
		double sum = 0;
		for (Part part : parts) {
			min = Math.min(min, part.similarity());
			sum += part.similarity();
		}
		return 0.7 * min + 0.3 * sum / parts.size();
	}

}
