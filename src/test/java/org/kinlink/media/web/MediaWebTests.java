package org.kinlink.media.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.media.Rendition;
import org.kinlink.media.files.FileRecords;
import org.kinlink.media.processing.MediaFixtures;
import org.kinlink.media.processing.MediaTest;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.LetterSubmission;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The staff routes of a file: the file page, streaming with range requests, who may use them, audit of
 * reads, and the message page's list of files.
 */
@MediaTest
class MediaWebTests {

	static final RequestPostProcessor INTAKE = user("intake1").roles("INTAKE");

	static final RequestPostProcessor REVIEWER = user("reviewer1").roles("REVIEWER");

	static final RequestPostProcessor ADMIN = user("admin1").roles("ADMIN");

	static final RequestPostProcessor TRANSLATOR = user("translator1").roles("TRANSLATOR");

	static final RequestPostProcessor LIAISON = user("liaison1").roles("LIAISON");

	@Autowired
	MockMvc mvc;

	@Autowired
	MediaFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FileRecords records;

	@Autowired
	FamilyMessages messages;

	UUID fileId;

	byte[] working;

	@BeforeEach
	void aProcessedPicture() {
		byte[] png = fixtures.ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:duration=1", "-frames:v", "1", "-c:v",
				"png", "-f", "image2pipe");
		fileId = fixtures.processed(png, "letter.png");
		working = fixtures.bytes(fileId, Rendition.of(Rendition.Kind.WORKING));
		assertThat(working.length).isGreaterThan(1000);
	}

	MockHttpServletResponse read(String range, RequestPostProcessor who) throws Exception {
		var request = get("/staff/media/" + fileId + "/content/WORKING").with(who);
		if (range != null) {
			request.header("Range", range);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	@Test
	void sendsTheWholeWorkingCopyWithoutCachingOrSniffing() throws Exception {
		MockHttpServletResponse response = read(null, INTAKE);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsByteArray()).isEqualTo(working);
		assertThat(response.getContentType()).isEqualTo("image/png");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Accept-Ranges")).isEqualTo("bytes");
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("inline; filename=\"kinlink-" + fileId.toString().substring(0, 8) + "-working.png\"")
			.doesNotContain("letter");
	}

	@Test
	void sendsTheFirstBytes() throws Exception {
		MockHttpServletResponse response = read("bytes=0-9", REVIEWER);

		assertThat(response.getStatus()).isEqualTo(206);
		assertThat(response.getHeader("Content-Range")).isEqualTo("bytes 0-9/" + working.length);
		assertThat(response.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(working, 0, 10));
	}

	@Test
	void sendsARangeFromTheMiddle() throws Exception {
		MockHttpServletResponse response = read("bytes=100-299", ADMIN);

		assertThat(response.getStatus()).isEqualTo(206);
		assertThat(response.getHeader("Content-Range")).isEqualTo("bytes 100-299/" + working.length);
		assertThat(response.getContentLength()).isEqualTo(200);
		assertThat(response.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(working, 100, 300));
	}

	@Test
	void sendsAnOpenRangeToTheEnd() throws Exception {
		MockHttpServletResponse response = read("bytes=500-", INTAKE);

		assertThat(response.getStatus()).isEqualTo(206);
		assertThat(response.getHeader("Content-Range")).isEqualTo("bytes 500-" + (working.length - 1) + "/" + working.length);
		assertThat(response.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(working, 500, working.length));
	}

	@Test
	void sendsTheLastBytesOfASuffixRange() throws Exception {
		MockHttpServletResponse response = read("bytes=-16", INTAKE);

		assertThat(response.getStatus()).isEqualTo(206);
		assertThat(response.getContentAsByteArray()).isEqualTo(Arrays.copyOfRange(working, working.length - 16, working.length));
	}

	@Test
	void refusesARangePastTheEndWith416() throws Exception {
		MockHttpServletResponse response = read("bytes=" + working.length + "-", INTAKE);

		assertThat(response.getStatus()).isEqualTo(416);
		assertThat(response.getHeader("Content-Range")).isEqualTo("bytes */" + working.length);
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	@Test
	void auditsEveryReadWithTheReader() throws Exception {
		read("bytes=0-9", REVIEWER);

		assertThat(jdbc.sql("select actor from audit.entry where action = 'media.read' and record_id = ?")
			.param(fileId.toString())
			.query(String.class)
			.list()).containsExactly("reviewer1");
	}

	@Test
	void translatorsAndLiaisonAreRefused() throws Exception {
		for (RequestPostProcessor who : new RequestPostProcessor[] { TRANSLATOR, LIAISON }) {
			assertThat(read(null, who).getStatus()).isEqualTo(403);
			assertThat(mvc.perform(get("/staff/media/" + fileId).with(who)).andReturn().getResponse().getStatus())
				.isEqualTo(403);
		}
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'media.read' and record_id = ?")
			.param(fileId.toString())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void unknownFilesKindsAndPagesAreNotFound() throws Exception {
		assertThat(mvc.perform(get("/staff/media/" + UUID.randomUUID()).with(INTAKE)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(get("/staff/media/" + UUID.randomUUID() + "/content/WORKING").with(INTAKE))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/staff/media/" + fileId + "/content/ORIGINAL").with(INTAKE))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/staff/media/" + fileId + "/content/PAGE").param("page", "3").with(INTAKE))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aQuarantinedFileIsNeverServedAndItsPageSaysWhyInTheReadersLanguage() throws Exception {
		records.quarantine(fileId, "media.problem.damaged");

		assertThat(read(null, INTAKE).getStatus()).isEqualTo(404);
		var response = mvc.perform(get("/staff/media/" + fileId).with(INTAKE).header("Accept-Language", "fa"))
			.andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#file-problem").text()).contains("آسیب‌دیده");
		assertThat(page.select("#viewer")).isEmpty();
		assertThat(page.select("img[src*=/content/]")).isEmpty();
	}

	@Test
	void theFilePageShowsFactsProgressAndThePictureWithZoomLinks() throws Exception {
		var response = mvc.perform(get("/staff/media/" + fileId).with(INTAKE).header("Accept-Language", "en"))
			.andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#file-status").text()).isEqualTo("Ready");
		assertThat(page.select("#facts").text()).contains("Photo or scan", "image/png", "320 × 240");
		assertThat(page.select("#jobs tbody tr")).hasSizeGreaterThanOrEqualTo(3);
		assertThat(page.select("#jobs").text()).contains("Checking the type", "Done");
		assertThat(page.select("#scan img").attr("src")).isEqualTo("/staff/media/" + fileId + "/content/WORKING");
		assertThat(page.select("#scan img").hasClass("img-fluid")).isTrue();
		assertThat(page.select("a[href*=zoom=full]")).isNotEmpty();
		assertThat(page.select("[style]")).isEmpty();
		assertThat(page.select("script:not([src])")).isEmpty();

		Document full = Jsoup.parse(mvc.perform(get("/staff/media/" + fileId).param("zoom", "full").with(INTAKE))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(full.select("#scan img").hasClass("img-fluid")).isFalse();
	}

	@Test
	void theMessagePageListsItsFilesWithStatusAndLinks() throws Exception {
		UUID messageId = messages.receive(new LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر", "رضا کریمی",
				"Reza Karimi", "حسن", 1988, null, "سلام پسرم، این عکس نامه من است.", "fa"));
		byte[] png = fixtures.ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:duration=1", "-frames:v", "1", "-c:v", "png",
				"-f", "image2pipe");
		UUID good = fixtures.file(messageId, png, "a.png");
		UUID bad = fixtures.file(messageId, "not a picture".getBytes(StandardCharsets.UTF_8), "b.jpg");
		fixtures.drain();

		var response = mvc.perform(get("/staff/messages/" + messageId).with(INTAKE).header("Accept-Language", "en"))
			.andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#files li")).hasSize(2);
		assertThat(page.select("#files a[href=/staff/media/" + good + "]")).hasSize(1);
		assertThat(page.select("#files a[href=/staff/media/" + bad + "]")).hasSize(1);
		assertThat(page.select("#files").text()).contains("Photo or scan", "Ready", "Set aside", "not accepted");
		assertThat(page.select("#files img").attr("src")).isEqualTo("/staff/media/" + good + "/content/THUMBNAIL");
	}

}
