package org.kinlink.media.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditTrail;
import org.kinlink.media.MediaKind;
import org.kinlink.media.Rendition;
import org.kinlink.media.Transcript;
import org.kinlink.media.TranscriptApproved;
import org.kinlink.media.Transcripts;
import org.kinlink.media.ocr.PersianPage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The transcript editor of a scan on real PostgreSQL: lines beside their regions, corrections sealed, every
 * bad text refused, lost updates caught, approval publishing its event, reopening, roles. The Persian lines
 * are NTREX-128 (see {@link PersianPage#NTREX_TEXT}).
 */
@SpringBootTest(properties = "kinlink.media.jobs.enabled=false")
@AutoConfigureMockMvc
@RecordApplicationEvents
class TranscriptPagesTests {

	static final String FIRST = "اعضای مجلس ولز نگران هستند";

	static final String SECOND = "که «همانند عروسک خیمه‌ شب بازی» دیده شوند.";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	TranscriptStore store;

	@Autowired
	Transcripts transcripts;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	UUID fileId;

	@BeforeEach
	void scanWithTwoLines() {
		MediaFixtures fixtures = MediaFixtures.from(context);
		fileId = fixtures.file(MediaKind.IMAGE, "image/png", 600, 300, null, 1);
		fixtures.rendition(fileId, Rendition.of(Rendition.Kind.WORKING),
				PersianPage.png(PersianPage.render(PersianPage.NTREX_TEXT, 600, 300, 20f).image()), "image/png", 600, 300);
		store.replaceByEngine(fileId, "fa", SegmentSource.OCR,
				List.of(NewSegment.line(FIRST, 1, 40, 30, 520, 40, 91.4f), NewSegment.line(SECOND, 1, 60, 90, 500, 38, 77f)), false);
	}

	@Test
	void showsEachLineBesideItsRegionOnTheScan() throws Exception {
		Document page = html(get("/staff/media/{id}/transcript", fileId), "INTAKE");

		Element svg = page.selectFirst("svg.scan-page");
		assertThat(svg.attr("viewBox")).isEqualTo("0 0 600 300");
		assertThat(svg.selectFirst("image").attr("href")).isEqualTo("/staff/media/" + fileId + "/content/WORKING");
		List<Element> rects = svg.select("rect.segment-region");
		assertThat(rects).hasSize(2);
		assertThat(rects.get(0).attr("x")).isEqualTo("40");
		assertThat(rects.get(0).attr("width")).isEqualTo("520");
		assertThat(rects.get(1).attr("y")).isEqualTo("90");
		Element first = page.selectFirst("textarea[name=texts[1]]");
		assertThat(first.text()).isEqualTo(FIRST);
		assertThat(first.attr("lang")).isEqualTo("fa");
		assertThat(first.attr("dir")).isEqualTo("rtl");
		assertThat(page.select("textarea[name=texts[2]]").text()).isEqualTo(SECOND);
		assertThat(page.text()).contains("Recognition confidence: 91%");
		assertThat(audit.latest(20, Long.MAX_VALUE)).anyMatch(entry -> readOf(entry, fileId));
	}

	@Test
	void savesCorrectionsSealedAndCountsTheVersion() throws Exception {
		int version = store.find(fileId).orElseThrow().version();

		mvc.perform(post("/staff/media/{id}/transcript", fileId).with(staff("REVIEWER")).with(csrf())
			.param("version", String.valueOf(version))
			.param("texts[1]", FIRST + " و")
			.param("texts[2]", SECOND)).andExpect(redirectedUrl("/staff/media/" + fileId + "/transcript"));

		TranscriptRecord saved = store.find(fileId).orElseThrow();
		assertThat(saved.segments().get(0).text()).isEqualTo(FIRST + " و");
		assertThat(saved.version()).isEqualTo(version + 1);
		assertThat(saved.edited()).isTrue();
		List<byte[]> stored = jdbc.sql("select sealed_text from media.transcript_segment where file_id = ?").param(fileId)
			.query(byte[].class).list();
		assertThat(stored).hasSize(2).noneMatch(bytes -> new String(bytes, StandardCharsets.UTF_8).contains("مجلس"));
	}

	@Test
	void refusesAnEmptyTextAndSavesNothing() throws Exception {
		Document page = refused("", "INTAKE", "en");

		assertThat(page.selectFirst("#text-1-error").text()).isEqualTo("Please enter the text, or delete this segment.");
	}

	@Test
	void refusesATooLongTextInPersian() throws Exception {
		Document page = refused("ب".repeat(TranscriptController.MAX_TEXT + 1), "INTAKE", "fa");

		assertThat(page.selectFirst("#text-1-error").text()).isNotBlank().doesNotContain("too long");
		assertThat(page.selectFirst(".alert-danger").text()).isEqualTo("برخی بخش‌ها نیاز به اصلاح دارند. چیزی ذخیره نشد.");
	}

	@Test
	void refusesBidiControlsInAText() throws Exception {
		Document page = refused(FIRST + "\u202e", "INTAKE", "en");

		assertThat(page.selectFirst("#text-1-error").text()).contains("invisible or direction-changing");
	}

	private Document refused(String text, String role, String language) throws Exception {
		int version = store.find(fileId).orElseThrow().version();
		String body = mvc.perform(post("/staff/media/{id}/transcript", fileId).with(staff(role)).with(csrf())
			.header("Accept-Language", language)
			.param("version", String.valueOf(version))
			.param("texts[1]", text)
			.param("texts[2]", SECOND + " تغییر")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		TranscriptRecord after = store.find(fileId).orElseThrow();
		assertThat(after.version()).isEqualTo(version);
		assertThat(after.segments().get(1).text()).isEqualTo(SECOND);
		Document page = Jsoup.parse(body);
		assertThat(page.selectFirst("textarea[name=texts[2]]").text()).isEqualTo(SECOND + " تغییر");
		return page;
	}

	@Test
	void refusesAChangeMadeOnAnOlderVersion() throws Exception {
		int version = store.find(fileId).orElseThrow().version();
		store.save(fileId, version, List.of(new SegmentEdit(1, FIRST + "!", null, null)));

		String body = mvc.perform(post("/staff/media/{id}/transcript", fileId).with(staff("INTAKE")).with(csrf())
			.param("version", String.valueOf(version))
			.param("texts[1]", "overwritten")
			.param("texts[2]", SECOND)).andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

		assertThat(Jsoup.parse(body).text()).contains("Someone else changed this transcript while you were editing it");
		assertThat(store.find(fileId).orElseThrow().segments().get(0).text()).isEqualTo(FIRST + "!");
	}

	@Test
	void addsALineByHandAndDeletesAnother() throws Exception {
		int version = store.find(fileId).orElseThrow().version();
		mvc.perform(post("/staff/media/{id}/transcript/lines", fileId).with(staff("INTAKE")).with(csrf())
			.param("version", String.valueOf(version)).param("page", "1").param("text", "خط سوم"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/staff/media/{id}/transcript", fileId).with(staff("INTAKE")).with(csrf())
			.param("version", String.valueOf(version + 1))
			.param("texts[1]", FIRST).param("texts[2]", SECOND).param("texts[3]", "خط سوم")
			.param("delete", "1")).andExpect(status().is3xxRedirection());

		List<StoredSegment> segments = store.find(fileId).orElseThrow().segments();
		assertThat(segments).extracting(StoredSegment::seq).containsExactly(1, 2);
		assertThat(segments).extracting(StoredSegment::text).containsExactly(SECOND, "خط سوم");
		assertThat(segments.get(1).source()).isEqualTo(SegmentSource.MANUAL);
		assertThat(segments.get(1).hasRegion()).isFalse();
	}

	@Test
	void refusesALineWithoutTextOrOnPageZero() throws Exception {
		int version = store.find(fileId).orElseThrow().version();
		String body = mvc.perform(post("/staff/media/{id}/transcript/lines", fileId).with(staff("INTAKE")).with(csrf())
			.param("version", String.valueOf(version)).param("page", "0").param("text", " "))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		Document page = Jsoup.parse(body);
		assertThat(page.select("form.add-line .invalid-feedback")).hasSize(2);
		assertThat(store.find(fileId).orElseThrow().segments()).hasSize(2);
	}

	@Test
	void refusesALineWithBidiControlsOrTooLong() throws Exception {
		int version = store.find(fileId).orElseThrow().version();
		for (String text : List.of("خط\u202eسوم", "ب".repeat(TranscriptController.MAX_TEXT + 1))) {
			String body = mvc.perform(post("/staff/media/{id}/transcript/lines", fileId).with(staff("INTAKE")).with(csrf())
				.header("Accept-Language", "en").param("version", String.valueOf(version)).param("page", "1").param("text", text))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

			assertThat(Jsoup.parse(body).select("form.add-line .invalid-feedback").text()).containsAnyOf("invisible", "too long");
		}
		assertThat(store.find(fileId).orElseThrow().segments()).hasSize(2);
	}

	@Test
	void approvesForTranslationThenRefusesEditsUntilReopened() throws Exception {
		int version = store.find(fileId).orElseThrow().version();
		mvc.perform(post("/staff/media/{id}/transcript/approve", fileId).with(staff("REVIEWER")).with(csrf())
			.param("version", String.valueOf(version))).andExpect(status().is3xxRedirection());

		assertThat(events.stream(TranscriptApproved.class)).containsExactly(
				new TranscriptApproved(fileId, MediaFixtures.from(context).messageOf(fileId)));
		Transcript approved = transcripts.transcript(fileId);
		assertThat(approved.approved()).isTrue();
		assertThat(approved.segments().get(0).region().width()).isEqualTo(520);
		mvc.perform(post("/staff/media/{id}/transcript", fileId).with(staff("INTAKE")).with(csrf())
			.param("version", String.valueOf(version + 1)).param("texts[1]", "x").param("texts[2]", "y"))
			.andExpect(status().isConflict());
		Document page = html(get("/staff/media/{id}/transcript", fileId), "INTAKE");
		assertThat(page.select("textarea[readonly]")).hasSize(2);

		mvc.perform(post("/staff/media/{id}/transcript/reopen", fileId).with(staff("REVIEWER")).with(csrf())
			.param("version", String.valueOf(version + 1))).andExpect(status().is3xxRedirection());
		assertThat(store.find(fileId).orElseThrow().approved()).isFalse();
	}

	@Test
	void refusesToApproveATranscriptWithoutText() throws Exception {
		UUID empty = MediaFixtures.from(context).file(MediaKind.IMAGE, "image/png", 10, 10, null, 1);
		store.engineState(empty, "fa", EngineState.EMPTY);

		mvc.perform(post("/staff/media/{id}/transcript/approve", empty).with(staff("REVIEWER")).with(csrf()).param("version", "0"))
			.andExpect(status().isConflict());
	}

	@Test
	void tellsStaffWhenOcrIsUnavailableAndHowToEnableIt() throws Exception {
		UUID scan = MediaFixtures.from(context).file(MediaKind.IMAGE, "image/png", 10, 10, null, 1);
		store.engineState(scan, "fa", EngineState.UNAVAILABLE);

		Document page = html(get("/staff/media/{id}/transcript", scan), "INTAKE");

		assertThat(page.selectFirst(".ocr-unavailable").text()).contains("type the text of the scan by hand")
			.contains("apt-get install tesseract-ocr tesseract-ocr-fas tesseract-ocr-sqi tesseract-ocr-eng");
		assertThat(page.select("form.add-line")).hasSize(1);
	}

	@Test
	void letsOnlyIntakeReviewAndAdminStaffIn() throws Exception {
		mvc.perform(get("/staff/media/{id}/transcript", fileId).with(staff("TRANSLATOR"))).andExpect(status().isForbidden());
		mvc.perform(get("/staff/media/{id}/transcript", fileId).with(staff("ADMIN"))).andExpect(status().isOk());
		mvc.perform(get("/staff/media/{id}/transcript", UUID.randomUUID()).with(staff("INTAKE"))).andExpect(status().isNotFound());
	}

	private Document html(MockHttpServletRequestBuilder request, String role) throws Exception {
		return Jsoup.parse(mvc.perform(request.with(staff(role))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor staff(String role) {
		return user("staff-" + role.toLowerCase()).roles(role);
	}

	static boolean readOf(AuditEntry entry, UUID fileId) {
		return "transcript.read".equals(entry.action()) && fileId.toString().equals(entry.recordId());
	}

}
