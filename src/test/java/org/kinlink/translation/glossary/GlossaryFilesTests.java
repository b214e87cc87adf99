package org.kinlink.translation.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Glossary files in and out: CSV with its header and byte order mark, TBX of both versions, and bad files. */
class GlossaryFilesTests {

	static final LanguagePair FA_SQ = new LanguagePair("fa", "sq");

	static final List<GlossaryTerm> TERMS = List.of(
			new GlossaryTerm(UUID.randomUUID(), FA_SQ, TermKind.PLACE, "اسکوپیه", List.of("Shkup", "Shkupi"), null, 0, "rita",
					Instant.EPOCH),
			new GlossaryTerm(UUID.randomUUID(), FA_SQ, TermKind.INSTITUTION, "اتحادیه اروپا", List.of("Bashkimi Evropian"),
					"=HYPERLINK(\"x\") & <b>", 0, "rita", Instant.EPOCH));

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void writesCsvThatReadsBackTheSameWithFormulasDisarmed() {
		byte[] csv = CsvGlossary.write(TERMS, FA_SQ);
		String text = new String(csv, StandardCharsets.UTF_8);

		assertThat(text).startsWith("\uFEFFfa,sq,kind,note\r\n").contains("\"'=HYPERLINK(\"\"x\"\") & <b>\"").contains("Shkup|Shkupi");
		ImportedTerms read = CsvGlossary.read(csv, FA_SQ);
		assertThat(read.problems()).isEmpty();
		assertThat(read.rows()).extracting(r -> r.draft().term(), r -> r.draft().renderings(), r -> r.draft().kind(), r -> r.draft().note())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("اسکوپیه", List.of("Shkup", "Shkupi"), TermKind.PLACE, null),
					org.assertj.core.groups.Tuple.tuple("اتحادیه اروپا", List.of("Bashkimi Evropian"), TermKind.INSTITUTION,
							"=HYPERLINK(\"x\") & <b>"));
	}

	@Test
	void readsCsvWithoutByteOrderMarkOrOptionalColumnsAndNormalisesPersian() {
		ImportedTerms read = CsvGlossary.read(utf8("FA-IR,sq\nاسكوپيه,Shkup | Shkupi \n\n"), FA_SQ);

		assertThat(read.problems()).isEmpty();
		assertThat(read.rows()).singleElement().satisfies(row -> {
			assertThat(row.row()).isEqualTo(2);
			assertThat(row.draft().term()).isEqualTo("اسکوپیه");
			assertThat(row.draft().renderings()).containsExactly("Shkup", "Shkupi");
			assertThat(row.draft().kind()).isEqualTo(TermKind.TERM);
		});
	}

	@Test
	void refusesCsvWithAWrongHeaderLanguagesOrColumnCount() {
		assertThat(CsvGlossary.read(utf8("term,rendering\nتهران,Teheran\n"), FA_SQ).problems())
			.extracting(ImportProblem::code).containsExactly("glossary.import.languages");
		assertThat(CsvGlossary.read(utf8("fa,en\nتهران,Tehran\n"), FA_SQ).problems())
			.extracting(ImportProblem::code).containsExactly("glossary.import.languages");
		assertThat(CsvGlossary.read(utf8("fa,sq,colour\nتهران,Teheran,red\n"), FA_SQ).problems())
			.extracting(ImportProblem::code).containsExactly("glossary.import.header");
		assertThat(CsvGlossary.read(utf8("fa\nتهران\n"), FA_SQ).problems())
			.extracting(ImportProblem::code).containsExactly("glossary.import.header");
		assertThat(CsvGlossary.read(utf8("fa,sq,kind\nتهران,Teheran\nشیراز,Shiraz,city\n"), FA_SQ).problems())
			.extracting(ImportProblem::row, ImportProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "glossary.import.columnCount"),
					org.assertj.core.groups.Tuple.tuple(3, "glossary.import.kind"));
	}

	@Test
	void refusesCsvThatIsNotUtf8OrNotCsvOrEmpty() {
		assertThat(CsvGlossary.read(new byte[] { 'f', 'a', ',', 's', 'q', '\n', (byte) 0xC3, (byte) 0x28 }, FA_SQ).problems())
			.extracting(ImportProblem::code).containsExactly("glossary.import.notText");
		assertThat(CsvGlossary.read(utf8("fa,sq\n\"تهران,Teheran\n"), FA_SQ).problems())
			.extracting(ImportProblem::code).containsExactly("glossary.import.notCsv");
		assertThat(CsvGlossary.read(utf8("\uFEFF"), FA_SQ).problems()).extracting(ImportProblem::code)
			.containsExactly("glossary.import.empty");
		assertThat(CsvGlossary.read(utf8("fa,sq\n"), FA_SQ).problems()).extracting(ImportProblem::code)
			.containsExactly("glossary.import.empty");
	}

	@Test
	void writesTbxVersion3ThatReadsBack() {
		byte[] tbx = TbxGlossary.write(TERMS, FA_SQ);
		String text = new String(tbx, StandardCharsets.UTF_8);

		assertThat(text).contains("<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\" style=\"dca\"")
			.contains("<conceptEntry id=\"c").contains("<langSec xml:lang=\"fa\"><termSec><term>اسکوپیه</term></termSec></langSec>")
			.contains("<descrip type=\"subjectField\">institution</descrip>").contains("&amp; &lt;b>");
		ImportedTerms read = TbxGlossary.read(tbx, FA_SQ);
		assertThat(read.problems()).isEmpty();
		assertThat(read.rows()).extracting(r -> r.draft().term(), r -> r.draft().renderings(), r -> r.draft().kind())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("اسکوپیه", List.of("Shkup", "Shkupi"), TermKind.PLACE),
					org.assertj.core.groups.Tuple.tuple("اتحادیه اروپا", List.of("Bashkimi Evropian"), TermKind.INSTITUTION));
		assertThat(read.rows().get(1).draft().note()).isEqualTo("=HYPERLINK(\"x\") & <b>");
	}

	@Test
	void readsTbx2008TermEntriesAndSkipsOtherLanguages() {
		String tbx = """
				<?xml version="1.0" encoding="UTF-8"?>
				<martif type="TBX-Basic" xml:lang="en">
				  <text><body>
				    <termEntry id="t1">
				      <langSet xml:lang="fa-IR"><tig><term>مقدونیه</term></tig></langSet>
				      <langSet xml:lang="sq"><tig><term>Maqedonia</term></tig><tig><term>Maqedonia e Veriut</term></tig></langSet>
				      <langSet xml:lang="de"><tig><term>Mazedonien</term></tig></langSet>
				    </termEntry>
				    <termEntry id="t2"><langSet xml:lang="de"><tig><term>Nur Deutsch</term></tig></langSet></termEntry>
				  </body></text>
				</martif>
				""";

		ImportedTerms read = TbxGlossary.read(utf8(tbx), FA_SQ);

		assertThat(read.problems()).isEmpty();
		assertThat(read.rows()).singleElement().satisfies(row -> {
			assertThat(row.row()).isEqualTo(4);
			assertThat(row.draft().renderings()).containsExactly("Maqedonia", "Maqedonia e Veriut");
		});
	}

	@Test
	void refusesAnXxeAttemptWithoutReadingTheEntity() {
		String xxe = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE tbx [ <!ENTITY secret SYSTEM "file:///etc/hostname"> ]>
				<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca"><text><body>
				  <conceptEntry id="c1"><langSec xml:lang="fa"><termSec><term>&secret;</term></termSec></langSec>
				  <langSec xml:lang="sq"><termSec><term>x</term></termSec></langSec></conceptEntry>
				</body></text></tbx>
				""";

		ImportedTerms read = TbxGlossary.read(utf8(xxe), FA_SQ);

		assertThat(read.rows()).isEmpty();
		assertThat(read.problems()).extracting(ImportProblem::code).containsExactly("glossary.import.doctype");
	}

	@Test
	void refusesABillionLaughsAndOtherBadXml() {
		String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
				+ "<tbx><text><body><conceptEntry><langSec xml:lang=\"fa\"><termSec><term>&lol2;</term></termSec></langSec></conceptEntry></body></text></tbx>";
		assertThat(TbxGlossary.read(utf8(laughs), FA_SQ).problems()).extracting(ImportProblem::code).singleElement()
			.isIn("glossary.import.doctype", "glossary.import.notXml");
		assertThat(TbxGlossary.read(utf8("<tbx><text><body><conceptEntry>"), FA_SQ).problems())
			.extracting(ImportProblem::code).containsExactly("glossary.import.notXml");
		assertThat(TbxGlossary.read(utf8("<html><body>hi</body></html>"), FA_SQ).problems())
			.extracting(ImportProblem::code).containsExactly("glossary.import.notTbx");
		assertThat(TbxGlossary.read(utf8("<tbx><text><body><conceptEntry><langSec xml:lang=\"en\"><termSec><term>Skopje</term></termSec></langSec></conceptEntry></body></text></tbx>"), FA_SQ).problems())
			.extracting(ImportProblem::code).containsExactly("glossary.import.tbxLanguages");
		assertThat(TbxGlossary.read(utf8("<tbx><text><body><conceptEntry><langSec xml:lang=\"fa\"><termSec><term>تهران</term></termSec></langSec></conceptEntry></body></text></tbx>"), FA_SQ).problems())
			.extracting(ImportProblem::row, ImportProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, "glossary.import.noRendering"));
	}

	@Test
	void tellsXmlFromCsvByItsFirstCharacter() {
		assertThat(GlossaryFiles.looksLikeXml(utf8("\uFEFF  \n<?xml version=\"1.0\"?><tbx/>"))).isTrue();
		assertThat(GlossaryFiles.looksLikeXml(utf8("fa,sq\n<b>,x"))).isFalse();
	}

	@Test
	void refusesContactDataHiddenCharactersAndEmptyTerms() {
		assertThat(TermRules.problems(TermRules.clean(TermKind.TERM, "دفتر", List.of("zyra e +355 69 123 4567"), null)))
			.containsEntry("renderings", "glossary.error.contactData");
		assertThat(TermRules.problems(TermRules.clean(TermKind.TERM, "دفتر", List.of("Zyra"), "shkruani te ana@example.org")))
			.containsEntry("note", "glossary.error.contactData");
		assertThat(TermRules.problems(TermRules.clean(TermKind.TERM, "تلفن ۰۹۱۲۳۴۵۶۷۸۹", List.of("x"), null)))
			.containsEntry("term", "glossary.error.contactData");
		assertThat(TermRules.problems(TermRules.clean(TermKind.TERM, "دفتر\u202E", List.of("Zyra"), null)))
			.containsEntry("term", "glossary.error.hiddenCharacters");
		assertThat(TermRules.problems(TermRules.clean(TermKind.TERM, " ، ", List.of(" "), null)))
			.containsEntry("term", "glossary.error.termRequired").containsEntry("renderings", "glossary.error.renderingRequired");
		assertThat(TermRules.problems(TermRules.clean(TermKind.PLACE, "سال ۱۴۰۳", List.of("viti 2024"), null))).isEmpty();
	}

}
