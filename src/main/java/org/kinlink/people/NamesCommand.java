package org.kinlink.people;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.kinlink.people.names.Evaluation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.kinlink.people.names.NameSimilarity;
import org.kinlink.people.names.PersonScorer;

/**
 * The name scorer from the command line, without starting Kinlink: {@code names-score PAIRS.tsv} prints each
 * "a TAB b" line with its score and yes/no at the threshold; {@code names-evaluate SET.tsv} reads labelled
 * lines "a TAB b TAB yes|no" and prints precision and recall of the scorer and of the baselines side by side
 * (docs/names.md). The threshold is {@code kinlink.people.match-threshold} (system property) or
 * {@code KINLINK_PEOPLE_MATCH_THRESHOLD}, else {@value PersonScorer#DEFAULT_THRESHOLD}. Lines starting with # are
 * skipped.
 */
public final class NamesCommand {

	public static final String SCORE = "names-score";

	public static final String EVALUATE = "names-evaluate";

	private NamesCommand() {
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && (SCORE.equals(args[0]) || EVALUATE.equals(args[0]));
	}

	/** Runs the command; returns the process exit code (0 done, 2 bad usage or unreadable file). */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 2) {
			err.println(text("people.cli.usage", SCORE, EVALUATE));
			return 2;
		}
		quietLogs();
		double threshold = threshold();
		List<String[]> lines;
		try {
			lines = read(Path.of(args[1]));
		}
		catch (IOException | RuntimeException unreadable) {
			err.println(text("people.cli.unreadable", args[1], unreadable.getMessage()));
			return 2;
		}
		if (SCORE.equals(args[0])) {
			for (String[] line : lines) {
				double score = NameSimilarity.compare(line[0], line[1]).score();
				out.printf(Locale.ROOT, "%s\t%s\t%.3f\t%s%n", line[0], line[1], score, score >= threshold ? "yes" : "no");
			}
			return 0;
		}
		List<Evaluation.Pair> pairs = new ArrayList<>();
		for (String[] line : lines) {
			if (line.length < 3 || !(line[2].equals("yes") || line[2].equals("no"))) {
				err.println(text("people.cli.unlabelled", String.join("\t", line)));
				return 2;
			}
			pairs.add(new Evaluation.Pair(line[0], line[1], line[2].equals("yes")));
		}
		try {
			Evaluation.run(pairs, threshold, out);
			return 0;
		}
		catch (Exception failed) {
			err.println(text("people.cli.failed", failed.getMessage()));
			return 1;
		}
	}

	/** Without Spring, logback would log the embedded PostgreSQL of the evaluation at DEBUG into the results. */
	private static void quietLogs() {
		if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(ch.qos.logback.classic.Level.WARN);
		}
	}

	/** A message of the people bundle in the default locale (the command runs without Spring). */
	private static String text(String key, Object... arguments) {
		return MessageFormat.format(ResourceBundle.getBundle("i18n/people", Locale.getDefault()).getString(key), arguments);
	}

	static double threshold() {
		String configured = System.getProperty("kinlink.people.match-threshold", System.getenv("KINLINK_PEOPLE_MATCH_THRESHOLD"));
		return configured == null || configured.isBlank() ? PersonScorer.DEFAULT_THRESHOLD : Double.parseDouble(configured);
	}

	private static List<String[]> read(Path file) throws IOException {
		List<String[]> lines = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] columns = line.split("\t");
			if (columns.length < 2) {
				throw new IllegalArgumentException(text("people.cli.noTab", line));
			}
			lines.add(columns);
		}
		return lines;
	}

}
