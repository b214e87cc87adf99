package org.kinlink.translation.xliff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reader takes from a file shaped like a CAT tool's XLIFF 2.0 output, and every file it refuses,
 * each with the message code the translator will read.
 */
class XliffReaderTests {

	static final UUID TASK = UUID.fromString("3f1c7a52-9d7e-4b8e-a0c6-2b1d5e6f7a80");

	static final XliffReader.Expected EXPECTED = new XliffReader.Expected(TASK, "fa", "sq", 3);

	/**
	 * As OmegaT and MateCat give a file back: region subtags on the languages, a group, notes, a matches
	 * module, segment states, a unit the tool split into two segments with an ignorable between them, comments
	 * and paired codes around words, a unit without a target.
	 */
	static String catToolOutput(UUID task) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"
				       xmlns:fs="urn:oasis:names:tc:xliff:fs:2.0" version="2.0" srcLang="fa-IR" trgLang="sq-AL">
				 <file id="%1$s" original="kinlink:translation-task:%1$s">
				  <notes><note category="tool">OmegaT 6.0.1</note></notes>
				  <group id="g1">
				   <unit id="1">
				    <notes><note>Greeting</note></notes>
				    <mtc:matches><mtc:match ref="#1" similarity="84"><source>سلام</source><target>Përshëndetje</target></mtc:match></mtc:matches>
				    <segment id="1" state="final"><source>مادر عزیزم، سلام.</source><target>E dashura nënë, <mrk id="m1" type="comment" value="check">përshëndetje</mrk>.</target></segment>
				   </unit>
				  </group>
				  <unit id="2">
				   <segment id="2a" state="translated"><source>سخنگوی آژانس گفت:</source><target>Zëdhënësi i <pc id="p1" fs:fs="b">agjencisë</pc> tha:</target></segment>
				   <ignorable><source> </source></ignorable>
				   <segment id="2b" state="translated"><source>بسیاری گیر افتاده‌اند.</source><target>shumë njerëz kanë mbetur<sm id="s1" type="term"/> nën rrënoja<em startRef="s1"/>.</target></segment>
				  </unit>
				  <unit id="3">
				   <segment id="3" state="initial"><source>ارتفاع موجها تا ۲۰ فوت (۶ متر)رسیده است.</source></segment>
				  </unit>
				 </file>
				</xliff>
				""".formatted(task);
	}

	static Map<Integer, String> read(String xml) {
		return XliffReader.read(xml.getBytes(StandardCharsets.UTF_8), EXPECTED);
	}

	@Test
	void takesTheTargetsOfACatToolsFileKeepingTheTextOfCommentsAndCodes() {
		Map<Integer, String> targets = read(catToolOutput(TASK));

		assertThat(targets).containsOnlyKeys(1, 2);
		assertThat(targets.get(1)).isEqualTo("E dashura nënë, përshëndetje.");
		assertThat(targets.get(2)).isEqualTo("Zëdhënësi i agjencisë tha: shumë njerëz kanë mbetur nën rrënoja.");
	}

	@Test
	void readsWhatKinlinkWrote() {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fa" trgLang="sq"><file id="%s"><unit id="3"><segment><source>x</source><target xml:space="preserve">Dallgët kanë arritur deri në 20 këmbë<cp hex="0021"/></target></segment></unit></file></xliff>
				""".formatted(TASK);

		assertThat(read(xml)).containsExactly(Map.entry(3, "Dallgët kanë arritur deri në 20 këmbë!"));
	}

	@Test
	void acceptsXliff21AndDariAsPersianOfAfghanistan() {
		String xml = catToolOutput(TASK).replace("version=\"2.0\"", "version=\"2.1\"").replace("fa-IR", "fa-AF");
		assertThat(XliffReader.read(xml.getBytes(StandardCharsets.UTF_8), new XliffReader.Expected(TASK, "prs", "sq", 3))).hasSize(2);
	}

	@Test
	void refusesWhatIsNotXml() {
		assertRefused("PK\u0003\u0004 this is a zip", "xliff.error.notXml");
		assertRefused("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"fa\" trgLang=\"sq\"><file id=\"" + TASK + "\"><unit", "xliff.error.notXml");
		assertRefused("", "xliff.error.notXml");
	}

	@Test
	void refusesXliff12WithItsVersion() {
		String xliff12 = """
				<?xml version="1.0" encoding="UTF-8"?>
				<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
				 <file original="letter.txt" source-language="fa" target-language="sq" datatype="plaintext">
				  <body><trans-unit id="1"><source>سلام</source><target>Përshëndetje</target></trans-unit></body>
				 </file>
				</xliff>""";
		assertThatThrownBy(() -> read(xliff12)).isInstanceOfSatisfying(XliffRefusedException.class, refused -> {
			assertThat(refused.code()).isEqualTo("xliff.error.version");
			assertThat(refused.args()).containsExactly("1.2");
		});
	}

	@Test
	void refusesOtherXmlAndOtherVersions() {
		assertRefused("<html><body>XLIFF</body></html>", "xliff.error.notXliff");
		assertRefused(catToolOutput(TASK).replace("version=\"2.0\"", "version=\"3.0\""), "xliff.error.notXliff");
		assertRefused(catToolOutput(TASK).replace("urn:oasis:names:tc:xliff:document:2.0", "urn:example:xliff"), "xliff.error.notXliff");
	}

	@Test
	void refusesAFileOfAnotherTask() {
		assertRefused(catToolOutput(UUID.randomUUID()), "xliff.error.otherTask");
	}

	@Test
	void refusesOtherLanguagesNamingBothPairs() {
		assertThatThrownBy(() -> read(catToolOutput(TASK).replace("sq-AL", "en-US")))
			.isInstanceOfSatisfying(XliffRefusedException.class, refused -> {
				assertThat(refused.code()).isEqualTo("xliff.error.languages");
				assertThat(refused.args()).containsExactly("fa-IR", "en-US", "fa", "sq");
			});
		assertRefused(catToolOutput(TASK).replace("srcLang=\"fa-IR\"", "srcLang=\"ar\""), "xliff.error.languages");
		assertRefused(catToolOutput(TASK).replace("trgLang=\"sq-AL\"", ""), "xliff.error.languages");
	}

	@Test
	void refusesUnitsTheTaskDoesNotHave() {
		assertThatThrownBy(() -> read(catToolOutput(TASK).replace("<unit id=\"3\">", "<unit id=\"4\">")))
			.isInstanceOfSatisfying(XliffRefusedException.class, refused -> {
				assertThat(refused.code()).isEqualTo("xliff.error.unknownUnit");
				assertThat(refused.args()).containsExactly("4", 3);
			});
		assertRefused(catToolOutput(TASK).replace("<unit id=\"3\">", "<unit id=\"tu3\">"), "xliff.error.unknownUnit");
		assertRefused(catToolOutput(TASK).replace("<unit id=\"3\">", "<unit id=\"0\">"), "xliff.error.unknownUnit");
		assertRefused(catToolOutput(TASK).replace("<unit id=\"3\">", "<unit id=\"2\">"), "xliff.error.duplicateUnit");
	}

	@Test
	void refusesAFileWithoutUnits() {
		assertRefused("""
				<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fa" trgLang="sq"><file id="%s"/></xliff>
				""".formatted(TASK), "xliff.error.noUnits");
	}

	@Test
	void refusesPlaceholdersItCannotKeepNamingTheSentence() {
		String withPlaceholder = catToolOutput(TASK).replace("Zëdhënësi i ", "Zëdhënësi<ph id=\"1\" dataRef=\"d1\"/> i ");
		assertThatThrownBy(() -> read(withPlaceholder)).isInstanceOfSatisfying(XliffRefusedException.class, refused -> {
			assertThat(refused.code()).isEqualTo("xliff.error.inlineCode");
			assertThat(refused.args()).containsExactly(2, "ph");
		});
		assertRefused(catToolOutput(TASK).replace("Zëdhënësi i ", "<sc id=\"1\"/>Zëdhënësi i "), "xliff.error.inlineCode");
		assertRefused(catToolOutput(TASK).replace("Zëdhënësi i ", "<b>Zëdhënësi</b> i "), "xliff.error.inlineCode");
	}

	@Test
	void refusesADoctypeAndNeverReadsAnExternalEntity(@TempDir Path folder) throws Exception {
		Path secret = folder.resolve("secret.txt");
		Files.writeString(secret, "CANARY-XXE-4711");
		String xxe = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE xliff [ <!ENTITY xxe SYSTEM "%s"> ]>
				<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fa" trgLang="sq">
				 <file id="%s"><unit id="1"><segment><source>x</source><target>&xxe;</target></segment></unit></file>
				</xliff>""".formatted(secret.toUri(), TASK);

		assertThatThrownBy(() -> read(xxe)).isInstanceOfSatisfying(XliffRefusedException.class, refused -> {
			assertThat(refused.code()).isIn("xliff.error.doctype", "xliff.error.notXml");
			assertThat(refused.args()).noneMatch(arg -> String.valueOf(arg).contains("CANARY"));
		});
	}

	@Test
	void refusesAnEntityExpansionBomb() {
		String bomb = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
				<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fa" trgLang="sq"><file id="%s"><unit id="1"><segment><source>x</source><target>&lol3;</target></segment></unit></file></xliff>
				""".formatted(TASK);
		assertThatThrownBy(() -> read(bomb)).isInstanceOf(XliffRefusedException.class);
	}

	@Test
	void writesAFileItReadsBack() {
		assertThat(XliffWriter.xmlSafe("a\u0001b")).isEqualTo("a\uFFFDb");
	}

	private static void assertRefused(String xml, String code) {
		assertThatThrownBy(() -> read(xml)).isInstanceOfSatisfying(XliffRefusedException.class,
				refused -> assertThat(refused.code()).isEqualTo(code));
	}

}
