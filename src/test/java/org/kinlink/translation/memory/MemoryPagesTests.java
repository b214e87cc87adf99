package org.kinlink.translation.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.translation.tasks.TaskFixtures;
import org.kinlink.translation.tasks.TranslationDesk;
import org.kinlink.translation.tasks.TranslationTask;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The memory on real PostgreSQL and the real Vault: approved pairs kept sealed and offered in the editor of
 * the next letter, TMX import and export through the reviewers' page with every bad file. Letters are
 * NTREX-128 sentences (CC BY-SA 4.0, see ntrex128-fa-sq.tsv).
 */
@SpringBootTest
@AutoConfigureMockMvc
class MemoryPagesTests {

	static final List<MemoryUnit> NTREX = Ntrex.pairs();

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	MemoryStore store;

	@Autowired
	MemoryIndex index;

	@Autowired
	TranslationDesk desk;

	@Test
	void approvedPairsAreKeptSealedAndOfferedForTheNextLetterWithLeverage() throws Exception {
		TaskFixtures fixtures = TaskFixtures.from(context);
		List<MemoryUnit> letter = List.of(NTREX.get(102), NTREX.get(104), NTREX.get(105)); // lines 103, 105, 106
		UUID first = fixtures.acceptedLetter(text(letter));
		assertThat(fixtures.task(first, "sq").segmentCount()).isEqualTo(3);
		TranslationTask approved = fixtures.reviewed(first, "sq", "tina", "rita", letter.stream().map(MemoryUnit::target).toList());
		desk.approve(approved.id(), TaskFixtures.reviewer("anna"));
		await().atMost(Duration.ofSeconds(20)).until(() -> store.hasTask(approved.id()));
		await().atMost(Duration.ofSeconds(20)).until(() -> !index.find(new LanguagePair("fa", "sq"), letter.get(0).source(), 100, 1).isEmpty());

		MemoryBatch batch = store.findForTask(approved.id()).orElseThrow();
		assertThat(batch.origin()).isEqualTo(MemoryBatch.Origin.TASK);
		assertThat(batch.createdBy()).isEqualTo("anna");
		assertThat(batch.unitCount()).isEqualTo(3);
		List<byte[]> sealed = jdbc.sql("select units from translation.memory_page where batch_id = ?").param(batch.id())
			.query(byte[].class).list();
		assertThat(sealed).hasSize(1).noneMatch(bytes -> new String(bytes, StandardCharsets.UTF_8)
			.contains(letter.get(0).target().substring(0, 12)));
		context.getBean(MemoryKeeping.class).keepApproved(approved.id());
		assertThat(jdbc.sql("select count(*) from translation.memory_batch where task_id = ?").param(approved.id())
			.query(Long.class).single()).as("a second delivery keeps nothing twice").isEqualTo(1);
		assertThat(auditFor(batch.id().toString())).anyMatch(e -> e.action().equals("translation.memory.keep")
				&& "fa>sq 3".equals(e.detail()));

		String changed = letter.get(1).source().replaceFirst(" ", " بسیار ");
		UUID second = fixtures.acceptedLetter(letter.get(0).source() + " " + changed + " " + NTREX.get(249).source());
		TranslationTask next = fixtures.taken(second, "sq", "tom");
		assertThat(next.segmentCount()).isEqualTo(3);
		Document editor = Jsoup.parse(mvc.perform(get("/staff/translations/{id}", next.id()).with(translator("tom")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

		assertThat(editor.select(".suggestion-memory")).hasSizeGreaterThanOrEqualTo(2);
		assertThat(editor.select(".suggestion-memory .suggestion-text").eachText()).contains(letter.get(0).target(),
				letter.get(1).target());
		assertThat(editor.select(".suggestion-memory ins").stream().map(org.jsoup.nodes.Element::ownText).map(String::strip))
			.contains("بسیار");
		assertThat(editor.select(".aid-notes").text()).contains("exact 1 segments").contains("no match: 1");
		assertThat(auditFor(next.id().toString())).anyMatch(e -> e.action().equals("translation.memory.suggest"));
	}

	@Test
	void aTmxFileImportedIsOfferedExportedTheSameAndForgotten() throws Exception {
		List<MemoryUnit> units = NTREX.subList(0, 40);
		String tmx = tmx("prs", "en", units);
		MvcResult result = mvc.perform(upload("prs", "en", tmx.getBytes(StandardCharsets.UTF_8), reviewer("rita")))
			.andExpect(redirectedUrl("/staff/translations/memory"))
			.andExpect(flash().attribute("notice", "memory.import.done"))
			.andReturn();
		assertThat((Object[]) result.getFlashMap().get("noticeArgs")).containsExactly(40, 0);
		assertThat(index.find(new LanguagePair("prs", "en"), units.get(7).source(), 100, 1)).extracting(MemoryMatch::target)
			.containsExactly(units.get(7).target());

		byte[] exported = mvc.perform(get("/staff/translations/memory/export").param("source", "prs").param("target", "en")
			.with(reviewer("rita")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"kinlink-memory-prs-en.tmx\""))
			.andReturn().getResponse().getContentAsByteArray();
		String text = new String(exported, StandardCharsets.UTF_8);
		assertThat(text).contains("<tmx version=\"1.4\">", "srclang=\"prs\"", "creationtool=\"Kinlink\"", "creationid=\"rita\"");
		TmxImport.Selection back = TmxImport.select(TmxReader.read(new java.io.ByteArrayInputStream(exported), 1 << 24),
				new LanguagePair("prs", "en"));
		assertThat(back.units()).containsExactlyElementsOf(units);

		Document page = Jsoup.parse(mvc.perform(get("/staff/translations/memory").with(reviewer("rita")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("tr.memory-pair").eachText()).anyMatch(row -> row.contains("Dari → English") && row.contains("40"));
		assertThat(page.text()).doesNotContain(units.get(0).target());

		MemoryBatch batch = store.imports().stream().filter(b -> b.pair().equals(new LanguagePair("prs", "en"))).findFirst()
			.orElseThrow();
		mvc.perform(post("/staff/translations/memory/imports/{id}/forget", batch.id()).with(reviewer("rita")).with(csrf()))
			.andExpect(redirectedUrl("/staff/translations/memory"));
		assertThat(store.find(batch.id())).isEmpty();
		assertThat(jdbc.sql("select count(*) from storage.data_key where id = ?").param(batch.keyId()).query(Long.class)
			.single()).as("key shredded").isZero();
		assertThat(index.find(new LanguagePair("prs", "en"), units.get(7).source(), 70, 1)).isEmpty();
		mvc.perform(post("/staff/translations/memory/imports/{id}/forget", batch.id()).with(reviewer("rita")).with(csrf()))
			.andExpect(status().isNotFound());

		assertThat(auditFor(null)).filteredOn(e -> e.recordType().equals(MemoryKeeping.RECORD))
			.extracting(AuditEntry::detail)
			.allMatch(detail -> detail == null || Pattern.matches("[a-z]{2,3}>[a-z]{2,3} \\d+|memory\\.[\\w.]+", detail));
		assertThat(auditFor(null)).anyMatch(e -> e.action().equals("translation.memory.export") && "prs>en 40".equals(e.detail()))
			.anyMatch(e -> e.action().equals("translation.memory.import") && "prs>en 40".equals(e.detail()))
			.anyMatch(e -> e.action().equals("translation.memory.forget"));
	}

	@Test
	void badFilesAreRefusedWithAMessageInTheReadersLanguageAndNothingIsImported() throws Exception {
		long before = batches();
		String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
				+ "<tmx version=\"1.4\"><header srclang=\"fa\"/><body><tu><tuv xml:lang=\"fa\"><seg>&xxe;</seg></tuv>"
				+ "<tuv xml:lang=\"sq\"><seg>x</seg></tuv></tu></body></tmx>";
		assertThat(refusal(xxe.getBytes(StandardCharsets.UTF_8))).isIn("memory.import.notXml", "memory.import.entities");
		assertThat(refusal("plain text".getBytes(StandardCharsets.UTF_8))).isEqualTo("memory.import.notXml");
		assertThat(refusal("<?xml version=\"1.0\"?><root/>".getBytes(StandardCharsets.UTF_8))).isEqualTo("memory.import.notTmx");
		assertThat(refusal(tmx("fa", "sq", NTREX.subList(0, 3)).replace("version=\"1.4\"", "version=\"1.2\"")
			.getBytes(StandardCharsets.UTF_8))).isEqualTo("memory.import.version");
		assertThat(refusal(tmx("en", "de", NTREX.subList(0, 3)).getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("memory.import.missingPair");
		String withEmpty = tmx("fa", "sq", List.of(NTREX.get(0), new MemoryUnit(NTREX.get(1).source(), " ")));
		assertThat(refusal(withEmpty.getBytes(StandardCharsets.UTF_8))).isEqualTo("memory.import.emptySegment");
		byte[] huge = tmx("fa", "sq", java.util.Collections.nCopies(70_000, NTREX.get(1))).getBytes(StandardCharsets.UTF_8);
		assertThat(huge.length).isGreaterThan(25 * 1024 * 1024);
		assertThat(refusal(huge)).isEqualTo("memory.import.tooLarge");
		assertThat(batches()).as("nothing half-imported").isEqualTo(before);

		mvc.perform(post("/staff/translations/memory/import").with(reviewer("rita")).with(csrf()).param("source", "fa"))
			.andExpect(flash().attribute("problem", "memory.import.noFile"));
		mvc.perform(upload("fa", "fa", tmx("fa", "sq", NTREX.subList(0, 3)).getBytes(StandardCharsets.UTF_8), reviewer("rita")))
			.andExpect(flash().attribute("problem", "memory.import.badPair"));

		// The refusal travels as a flash attribute in the (database) session, as a browser would carry it.
		org.springframework.test.web.servlet.MvcResult refused = mvc
			.perform(upload("fa", "sq", tmx("fa", "sq", NTREX.subList(0, 3)).replace("version=\"1.4\"", "version=\"1.2\"")
				.getBytes(StandardCharsets.UTF_8), reviewer("rita")))
			.andExpect(flash().attribute("problem", "memory.import.version"))
			.andReturn();
		org.kinlink.accounts.StaffSession browser = org.kinlink.accounts.StaffSession.from(refused).orElseThrow();
		String persian = Jsoup.parse(mvc.perform(get("/staff/translations/memory").with(reviewer("rita")).with(browser)
			.locale(Locale.forLanguageTag("fa")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).select(".memory-problem").text();
		assertThat(persian).contains("نسخهٔ TMX این پرونده 1.2 است");
		assertThat(auditFor(null)).anyMatch(e -> e.action().equals("translation.memory.import")
				&& "memory.import.tooLarge".equals(e.detail()));
	}

	@Test
	void onlyReviewersUseTheMemoryPage() throws Exception {
		mvc.perform(get("/staff/translations/memory").with(translator("tom"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/translations/memory/export").param("source", "fa").param("target", "sq").with(translator("tom")))
			.andExpect(status().isForbidden());
		mvc.perform(upload("fa", "sq", tmx("fa", "sq", NTREX.subList(0, 3)).getBytes(StandardCharsets.UTF_8), translator("tom")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/translations/memory/export").param("source", "fa").param("target", "xx").with(reviewer("rita")))
			.andExpect(status().isBadRequest());
	}

	private String refusal(byte[] file) throws Exception {
		MvcResult result = mvc.perform(upload("fa", "sq", file, reviewer("rita")))
			.andExpect(redirectedUrl("/staff/translations/memory"))
			.andReturn();
		return (String) result.getFlashMap().get("problem");
	}

	private long batches() {
		return jdbc.sql("select count(*) from translation.memory_batch").query(Long.class).single();
	}

	private List<AuditEntry> auditFor(String recordId) {
		return audit.latest(1000, Long.MAX_VALUE).stream()
			.filter(e -> recordId == null || recordId.equals(e.recordId()))
			.toList();
	}

	static String text(List<MemoryUnit> units) {
		return String.join(" ", units.stream().map(MemoryUnit::source).toList());
	}

	static String tmx(String source, String target, List<MemoryUnit> units) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
				+ "<tmx version=\"1.4\"><header creationtool=\"OmegaT\" creationtoolversion=\"6\" segtype=\"sentence\" "
				+ "o-tmf=\"OmegaT\" adminlang=\"EN-US\" srclang=\"" + source + "\" datatype=\"plaintext\"/><body>\n");
		for (MemoryUnit unit : units) {
			xml.append("<tu><tuv xml:lang=\"").append(source).append("\"><seg>").append(escape(unit.source()))
				.append("</seg></tuv><tuv xml:lang=\"").append(target).append("\"><seg>").append(escape(unit.target()))
				.append("</seg></tuv></tu>\n");
		}
		return xml.append("</body></tmx>").toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** The import form as a browser sends it: multipart/form-data with the languages and the file. */
	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder upload(String source,
			String target, byte[] file, RequestPostProcessor who) throws IOException {
		String boundary = "----kinlink" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 1024);
		for (String[] field : new String[][] { { "source", source }, { "target", target } }) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1]
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"memory.tmx\"\r\n"
				+ "Content-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return post("/staff/translations/memory/import").with(who).with(csrf())
			.contentType("multipart/form-data; boundary=" + boundary)
			.content(body.toByteArray());
	}

	private static RequestPostProcessor translator(String name) {
		return user(name).roles("TRANSLATOR");
	}

	private static RequestPostProcessor reviewer(String name) {
		return user(name).roles("REVIEWER");
	}

}
