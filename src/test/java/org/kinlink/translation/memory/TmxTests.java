package org.kinlink.translation.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TMX 1.4 written and read back on real Persian and Albanian (NTREX-128, CC BY-SA 4.0), and every bad file. */
class TmxTests {

	static final LanguagePair FA_SQ = new LanguagePair("fa", "sq");

	static final long LIMIT = 1024 * 1024;

	static TmxReader.TmxDocument read(String xml) throws TmxProblem {
		return TmxReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), LIMIT);
	}

	static String problem(String xml) {
		TmxProblem problem = catchThrowableOfType(TmxProblem.class, () -> TmxImport.select(read(xml), FA_SQ));
		assertThat(problem).as("refused").isNotNull();
		return problem.code();
	}

	static String tmx(String version, String header, String body) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root(version, header, body);
	}

	static String root(String version, String header, String body) {
		return "<tmx version=\"" + version + "\">" + header + "<body>" + body + "</body></tmx>";
	}

	static final String HEADER = "<header creationtool=\"x\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" "
			+ "adminlang=\"en\" srclang=\"fa\" datatype=\"plaintext\"/>";

	static String tu(String fa, String sq) {
		return "<tu><tuv xml:lang=\"fa-IR\"><seg>" + fa + "</seg></tuv><tuv xml:lang=\"sq\"><seg>" + sq + "</seg></tuv></tu>";
	}

	@Test
	void whatIsExportedComesBackTheSame() throws TmxProblem {
		List<MemoryUnit> units = new java.util.ArrayList<>(Ntrex.pairs().subList(0, 50));
		units.add(new MemoryUnit("قیمت <۵> & \"ارزان\"", "Çmimi <5> & \"lirë\""));
		MemoryBatch batch = PairIndexTests.batch(MemoryBatch.Origin.TASK);
		byte[] tmx = TmxWriter.write(FA_SQ,
				units.stream().map(unit -> new MemoryKeeping.Exported(unit, batch)).toList(), Instant.now());
		String text = new String(tmx, StandardCharsets.UTF_8);
		assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
			.contains("<tmx version=\"1.4\">", "creationtool=\"Kinlink\"", "srclang=\"fa\"", "<tuv xml:lang=\"sq\"><seg>",
					"creationid=\"rita\"", "creationdate=\"20261120T100000Z\"");
		TmxReader.TmxDocument document = TmxReader.read(new ByteArrayInputStream(tmx), LIMIT);
		assertThat(document.sourceLanguage()).isEqualTo("fa");
		TmxImport.Selection selection = TmxImport.select(document, FA_SQ);
		assertThat(selection.units()).containsExactlyElementsOf(units);
		assertThat(selection.ignored()).isZero();
	}

	@Test
	void aDoctypeIsSkippedAndInlineCodesAreLeftOut() throws TmxProblem {
		String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n" + root("1.4", HEADER,
				tu("سلام <bpt i=\"1\">&lt;b&gt;</bpt>مادر<ept i=\"1\">&lt;/b&gt;</ept>", "Përshëndetje <hi>nënë</hi>")
						+ "<tu><tuv xml:lang=\"en\"><seg>Hello</seg></tuv><tuv xml:lang=\"sq\"><seg>Tung</seg></tuv></tu>");
		TmxImport.Selection selection = TmxImport.select(read(xml), FA_SQ);
		assertThat(selection.units()).containsExactly(new MemoryUnit("سلام مادر", "Përshëndetje nënë"));
		assertThat(selection.ignored()).isEqualTo(1);
	}

	@Test
	void anExternalEntityIsRefusedAndNeverRead(@TempDir Path folder) throws Exception {
		Path secret = folder.resolve("secret.txt");
		Files.writeString(secret, "TOP-SECRET");
		String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
				+ root("1.4", HEADER, tu("&xxe;", "x"));
		TmxProblem problem = catchThrowableOfType(TmxProblem.class, () -> TmxImport.select(read(xml), FA_SQ));
		assertThat(problem).isNotNull();
		assertThat(problem.code()).isIn("memory.import.notXml", "memory.import.entities");
		assertThat(problem.args()).allMatch(arg -> !String.valueOf(arg).contains("TOP-SECRET"));
	}

	@Test
	void anEntityExpansionBombIsRefused() {
		String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;\">]>\n"
				+ root("1.4", HEADER, tu("&b;", "x"));
		assertThat(problem(xml)).isIn("memory.import.notXml", "memory.import.entities");
	}

	@Test
	void badFilesAreRefusedWithTheirReason() {
		assertThat(problem("this is not xml")).isEqualTo("memory.import.notXml");
		assertThat(problem("<?xml version=\"1.0\"?><tmx version=\"1.4\"><header srclang=\"fa\"/><body>")).isEqualTo("memory.import.notXml");
		assertThat(problem("<?xml version=\"1.0\"?><xliff version=\"2.0\"/>")).isEqualTo("memory.import.notTmx");
		assertThat(problem("<?xml version=\"1.0\"?><tmx version=\"1.4\"><body/></tmx>")).isEqualTo("memory.import.notTmx");
		assertThat(problem(tmx("1.1", HEADER, tu("a", "b")))).isEqualTo("memory.import.version");
		assertThat(problem("<?xml version=\"1.0\"?><tmx><header srclang=\"fa\"/><body/></tmx>")).isEqualTo("memory.import.version");
		assertThat(problem(tmx("1.4", "<header creationtool=\"x\"/>", tu("a", "b")))).isEqualTo("memory.import.noSourceLanguage");
		assertThat(problem(tmx("1.4", HEADER, "<tu><tuv><seg>a</seg></tuv></tu>"))).isEqualTo("memory.import.noLanguage");
		assertThat(problem(tmx("1.4", HEADER, "<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv><tuv xml:lang=\"de\"><seg>b</seg></tuv></tu>")))
			.isEqualTo("memory.import.missingPair");
		assertThat(problem(tmx("1.4", HEADER, "")))
			.isEqualTo("memory.import.missingPair");
		assertThat(problem(tmx("1.4", HEADER, tu("سلام", "Tung") + tu("مادر", "  ")))).isEqualTo("memory.import.emptySegment");
		assertThat(problem(tmx("1.4", HEADER, tu("ب".repeat(TmxReader.MAX_SEGMENT + 1), "b")))).isEqualTo("memory.import.segmentTooLong");
	}

	@Test
	void aFileOverTheLimitIsRefusedAsTooLarge() {
		String body = tu("سلام مادر عزیزم", "Përshëndetje nënë e dashur").repeat(20_000);
		assertThatThrownBy(() -> read(tmx("1.4", HEADER, body))).isInstanceOf(TmxProblem.class)
			.extracting(ex -> ((TmxProblem) ex).code()).isEqualTo("memory.import.tooLarge");
	}

	@Test
	void theEmptySegmentNamesItsUnit() {
		TmxProblem problem = catchThrowableOfType(TmxProblem.class,
				() -> TmxImport.select(read(tmx("1.4", HEADER, tu("سلام", "Tung") + tu("مادر", ""))), FA_SQ));
		assertThat(problem.args()).containsExactly(2);
	}

}
