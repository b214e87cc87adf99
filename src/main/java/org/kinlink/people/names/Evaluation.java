package org.kinlink.people.names;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Precision and recall of the scorer and of the baselines on one labelled set, side by side. The scorer is
 * judged at its configured threshold; each baseline at the threshold that gives it its best F1 on the same set
 * (which favours the baselines) and at its customary threshold.
 */
public final class Evaluation {

	private Evaluation() {
	}

	/** One labelled pair. */
	public record Pair(String a, String b, boolean same) {
	}

	/** The figures of one method. */
	record Figures(String method, double threshold, int tp, int fp, int fn, int tn) {

		double precision() {
			return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
		}

		double recall() {
			return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
		}

		double f1() {
			double p = precision();
			double r = recall();
			return p + r == 0 ? 0 : 2 * p * r / (p + r);
		}

	}

	public static void run(List<Pair> pairs, double threshold, PrintStream out) throws Exception {
		List<Double> kinlink = scores(pairs, p -> NameSimilarity.compare(p.a(), p.b()).score());
		List<Double> jaroWinkler = scores(pairs, p -> Baselines.jaroWinkler(p.a(), p.b()));
		List<Double> metaphone = scores(pairs, p -> Baselines.doubleMetaphone(p.a(), p.b()));
		List<Double> trigrams = TrigramBaseline.similarities(pairs.stream().map(p -> new String[] { p.a(), p.b() }).toList());
		long positives = pairs.stream().filter(Pair::same).count();
		out.printf(Locale.ROOT, "pairs\t%d\tsame\t%d\tdifferent\t%d%n", pairs.size(), positives, pairs.size() - positives);
		out.println("method\tthreshold\tprecision\trecall\tF1\tTP\tFP\tFN\tTN");
		print(out, figures("kinlink", pairs, kinlink, threshold));
		print(out, best("kinlink@best", pairs, kinlink));
		print(out, best("jaro-winkler/any-latin@best", pairs, jaroWinkler));
		print(out, best("double-metaphone/any-latin@best", pairs, metaphone));
		print(out, best("pg_trgm/any-latin@best", pairs, trigrams));
		print(out, figures("jaro-winkler/any-latin@customary", pairs, jaroWinkler, 0.90));
		print(out, figures("double-metaphone/any-latin@all-parts", pairs, metaphone, 1.0));
		print(out, figures("pg_trgm/any-latin@default", pairs, trigrams, 0.30));
		out.println();
		out.println("errors\tkinlink");
		for (int i = 0; i < pairs.size(); i++) {
			Pair pair = pairs.get(i);
			if (kinlink.get(i) >= threshold != pair.same()) {
				out.printf(Locale.ROOT, "%s\t%s\t%.3f\t%s%n", pair.a(), pair.b(), kinlink.get(i), pair.same() ? "missed" : "false-match");
			}
		}
	}

	private static List<Double> scores(List<Pair> pairs, ToDoubleFunction<Pair> score) {
		List<Double> out = new ArrayList<>(pairs.size());
		pairs.forEach(p -> out.add(score.applyAsDouble(p)));
		return out;
	}

	private static Figures best(String method, List<Pair> pairs, List<Double> scores) {
		Figures best = null;
		for (double threshold : new TreeSet<>(scores)) {
			Figures figures = figures(method, pairs, scores, threshold);
			if (best == null || figures.f1() > best.f1()) {
				best = figures;
			}
		}
		return best;
	}

	private static Figures figures(String method, List<Pair> pairs, List<Double> scores, double threshold) {
		int tp = 0;
		int fp = 0;
		int fn = 0;
		int tn = 0;
		for (int i = 0; i < pairs.size(); i++) {
			boolean match = scores.get(i) >= threshold;
			boolean same = pairs.get(i).same();
			if (match && same) {
				tp++;
			}
			else if (match) {
				fp++;
			}
			else if (same) {
				fn++;
			}
			else {
				tn++;
			}
		}
		return new Figures(method, threshold, tp, fp, fn, tn);
	}

	private static void print(PrintStream out, Figures f) {
		out.printf(Locale.ROOT, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t%d%n", f.method(), f.threshold(), f.precision(), f.recall(),
				f.f1(), f.tp(), f.fp(), f.fn(), f.tn());
	}

}
