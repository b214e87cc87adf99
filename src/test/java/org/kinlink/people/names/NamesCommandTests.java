package org.kinlink.people.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinlink.people.NamesCommand;

/** The names-score and names-evaluate commands (issue #5 item 10), and the claim of docs/names.md. */
class NamesCommandTests {

	@TempDir
	Path dir;

	@Test
	void scoresEachPairWithYesOrNoAtTheThreshold() throws Exception {
		Path pairs = Files.writeString(dir.resolve("pairs.tsv"),
				"# a comment\nمحمود دهقانی\tMahmud Dehqani\nMohammad\tMahmoud\n\n", StandardCharsets.UTF_8);
		Run run = run(NamesCommand.SCORE, pairs.toString());
		assertThat(run.code()).isZero();
		List<String> lines = run.out().lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).matches("محمود دهقانی\tMahmud Dehqani\t0\\.\\d{3}\tyes");
		assertThat(lines.get(1)).matches("Mohammad\tMahmoud\t0\\.\\d{3}\tno");
	}

	@Test
	void explainsBadUsageAndUnreadableFilesWithExitCodeTwo() throws Exception {
		assertThat(run(NamesCommand.SCORE).code()).isEqualTo(2);
		Run missing = run(NamesCommand.SCORE, dir.resolve("none.tsv").toString());
		assertThat(missing.code()).isEqualTo(2);
		assertThat(missing.err()).contains("cannot read");
		Path noTab = Files.writeString(dir.resolve("bad.tsv"), "Ali Karimi\n", StandardCharsets.UTF_8);
		assertThat(run(NamesCommand.SCORE, noTab.toString()).err()).contains("two names separated by a tab");
		Path unlabelled = Files.writeString(dir.resolve("unlabelled.tsv"), "Ali\tAli\n", StandardCharsets.UTF_8);
		assertThat(run(NamesCommand.EVALUATE, unlabelled.toString()).err()).contains("yes or no");
	}

	@Test
	void onTheDevelopmentSetTheScorerBeatsEveryBaseline() throws Exception {
		Run run = run(NamesCommand.EVALUATE, Path.of("data/names/dev-pairs.tsv").toString());
		assertThat(run.code()).as(run.err()).isZero();
		Map<String, Double> f1 = run.out()
			.lines()
			.map(line -> line.split("\t"))
			.filter(columns -> columns.length == 9 && !columns[0].equals("method"))
			.collect(Collectors.toMap(columns -> columns[0], columns -> Double.parseDouble(columns[4])));
		assertThat(f1).containsKeys("kinlink", "jaro-winkler/any-latin@best", "double-metaphone/any-latin@best",
				"pg_trgm/any-latin@best", "jaro-winkler/any-latin@customary");
		double kinlink = f1.get("kinlink");
		assertThat(kinlink).isGreaterThan(0.9);
		f1.forEach((method, value) -> {
			if (!method.startsWith("kinlink")) {
				assertThat(kinlink).as(method).isGreaterThan(value);
			}
		});
	}

	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = NamesCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + Arrays.toString(args));
	}

	private record Run(int code, String out, String err) {
	}

}
