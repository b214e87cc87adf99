package org.kinlink.media.transcripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kinlink.media.transcripts.TranscriptPagesTests.staff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.media.MediaKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The cue editor of a voice message: the player, adding and correcting cues, and every bad cue refused clearly. */
@SpringBootTest(properties = "kinlink.media.jobs.enabled=false")
@AutoConfigureMockMvc
class CueEditorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	TranscriptStore store;

	UUID voice;

	@BeforeEach
	void voiceMessageOfTenSeconds() {
		voice = MediaFixtures.from(context).file(MediaKind.AUDIO, "audio/mp4", null, null, 10_000L, 0);
	}

	@Test
	void showsThePlayerBesideAnEmptyListAndAddsACue() throws Exception {
		Document empty = page("en");
		assertThat(empty.selectFirst("audio").attr("src")).isEqualTo("/staff/media/" + voice + "/content/WORKING");
		assertThat(empty.select("video")).isEmpty();

		addCue("00:01.000", "00:03.500", "سلام مادر", "en").andExpect(status().is3xxRedirection());

		Document page = page("en");
		assertThat(page.select("tr.cue")).hasSize(1);
		assertThat(page.selectFirst("input[name=starts[1]]").val()).isEqualTo("00:01.000");
		assertThat(page.selectFirst("input[name=ends[1]]").val()).isEqualTo("00:03.500");
		assertThat(page.selectFirst("textarea[name=texts[1]]").text()).isEqualTo("سلام مادر");
		StoredSegment cue = store.find(voice).orElseThrow().segments().get(0);
		assertThat(cue.startMs()).isEqualTo(1000);
		assertThat(cue.endMs()).isEqualTo(3500);
		assertThat(cue.source()).isEqualTo(SegmentSource.MANUAL);
	}

	@Test
	void keepsCuesInTheOrderOfTheirStart() throws Exception {
		addCue("00:05.000", "00:06.000", "دوم", "en").andExpect(status().is3xxRedirection());
		addCue("00:01.000", "00:02.000", "اول", "en").andExpect(status().is3xxRedirection());

		assertThat(store.find(voice).orElseThrow().segments()).extracting(StoredSegment::text).containsExactly("اول", "دوم");
	}

	@Test
	void refusesATimeThatIsNotMinutesSecondsMilliseconds() throws Exception {
		assertThat(refusedCue("1.5", "00:02.000", "x", "en")).contains("Please write the time as minutes:seconds.milliseconds");
	}

	@Test
	void refusesACueThatEndsBeforeItStarts() throws Exception {
		assertThat(refusedCue("00:04.000", "00:02.000", "x", "en")).contains("The cue must end after it starts.");
	}

	@Test
	void refusesACueBeyondTheRecordingInAlbanian() throws Exception {
		assertThat(refusedCue("00:09.000", "00:11.000", "x", "sq"))
			.contains("Titri duhet të mbarojë brenda regjistrimit, i cili zgjat 00:10.000.");
	}

	@Test
	void refusesAnOverlappingCueInPersian() throws Exception {
		addCue("00:01.000", "00:04.000", "اول", "en").andExpect(status().is3xxRedirection());

		assertThat(refusedCue("00:03.000", "00:05.000", "دوم", "fa")).contains("هم‌پوشانی");
		assertThat(store.find(voice).orElseThrow().segments()).hasSize(1);
	}

	@Test
	void refusesACueWithoutTextOrWithBidiControls() throws Exception {
		assertThat(refusedCue("00:01.000", "00:02.000", "", "en")).contains("Please enter the text");
		assertThat(refusedCue("00:01.000", "00:02.000", "سلام\u202e", "en")).contains("invisible or direction-changing");
		assertThat(refusedCue("00:01.000", "00:02.000", "a".repeat(TranscriptController.MAX_TEXT + 1), "en")).contains("too long");
	}

	@Test
	void refusesEditsThatMakeCuesOverlapAndSavesNothing() throws Exception {
		addCue("00:01.000", "00:02.000", "اول", "en").andExpect(status().is3xxRedirection());
		addCue("00:03.000", "00:04.000", "دوم", "en").andExpect(status().is3xxRedirection());
		int version = store.find(voice).orElseThrow().version();

		String body = mvc.perform(post("/staff/media/{id}/transcript", voice).with(staff("INTAKE")).with(csrf())
			.header("Accept-Language", "en")
			.param("version", String.valueOf(version))
			.param("starts[1]", "00:01.000").param("ends[1]", "00:03.500").param("texts[1]", "اول")
			.param("starts[2]", "00:03.000").param("ends[2]", "00:04.000").param("texts[2]", "دوم"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		Document page = Jsoup.parse(body);
		assertThat(page.selectFirst("#text-2-error").text()).isEqualTo("This cue overlaps cue 1. Please change its start or the other cue's end.");
		assertThat(page.selectFirst("input[name=ends[1]]").val()).isEqualTo("00:03.500");
		assertThat(store.find(voice).orElseThrow().segments().get(0).endMs()).isEqualTo(2000);
	}

	@Test
	void savesCorrectedTimesAndText() throws Exception {
		addCue("00:01.000", "00:02.000", "اول", "en").andExpect(status().is3xxRedirection());
		int version = store.find(voice).orElseThrow().version();

		mvc.perform(post("/staff/media/{id}/transcript", voice).with(staff("INTAKE")).with(csrf())
			.param("version", String.valueOf(version))
			.param("starts[1]", "00:00.500").param("ends[1]", "00:02.250").param("texts[1]", "اولین"))
			.andExpect(status().is3xxRedirection());

		StoredSegment cue = store.find(voice).orElseThrow().segments().get(0);
		assertThat(List.of(cue.startMs(), cue.endMs())).containsExactly(500L, 2250L);
		assertThat(cue.text()).isEqualTo("اولین");
	}

	@Test
	void showsAVideoInAVideoPlayer() throws Exception {
		UUID video = MediaFixtures.from(context).file(MediaKind.VIDEO, "video/mp4", 640, 360, 5_000L, 0);

		Document page = Jsoup.parse(mvc.perform(get("/staff/media/{id}/transcript", video).with(staff("REVIEWER")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

		assertThat(page.selectFirst("video").attr("src")).isEqualTo("/staff/media/" + video + "/content/WORKING");
	}

	private Document page(String language) throws Exception {
		return Jsoup.parse(mvc.perform(get("/staff/media/{id}/transcript", voice).with(staff("INTAKE")).header("Accept-Language", language))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private org.springframework.test.web.servlet.ResultActions addCue(String start, String end, String text, String language)
			throws Exception {
		int version = store.find(voice).map(TranscriptRecord::version).orElse(0);
		return mvc.perform(post("/staff/media/{id}/transcript/cues", voice).with(staff("INTAKE")).with(csrf())
			.header("Accept-Language", language)
			.param("version", String.valueOf(version)).param("start", start).param("end", end).param("text", text));
	}

	private String refusedCue(String start, String end, String text, String language) throws Exception {
		int before = store.find(voice).map(t -> t.segments().size()).orElse(0);
		String body = addCue(start, end, text, language).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(store.find(voice).map(t -> t.segments().size()).orElse(0)).isEqualTo(before);
		return Jsoup.parse(body).select("form.add-cue .invalid-feedback").text();
	}

}
