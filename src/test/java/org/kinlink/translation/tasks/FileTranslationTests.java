package org.kinlink.translation.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.media.MediaKind;
import org.kinlink.media.TranscriptSegment;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.MessageStatus;
import org.kinlink.testsupport.MediaFixtures;
import org.kinlink.translation.Translations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Files of a message are translated segment by segment from their approved transcripts: a video's cues keep
 * their timing, a scan's lines their page region; the editor shows both, the translator streams the file and
 * downloads the subtitles, and the message is translated and approved only when all its tasks are.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class FileTranslationTests {

	static final String LETTER = "سلام مادر جان. حال ما خوب است.";

	static final List<TranscriptSegment> CUES = List.of(
			new TranscriptSegment(1, "سلام مادر جان", null, null, 1_000L, 3_500L),
			new TranscriptSegment(2, "Ali سلام می‌رساند", null, null, 4_000L, 6_250L));

	static final List<TranscriptSegment> LINES = List.of(
			new TranscriptSegment(1, "حال ما خوب است", 1, new TranscriptSegment.Region(40, 50, 320, 20), null, null));

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	TaskRepository tasks;

	@Autowired
	TranslationDesk desk;

	@Autowired
	FamilyMessages messages;

	@Autowired
	Translations translations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void opensTasksPerFileAndMovesTheMessageOnlyWhenEveryTaskIsDone() throws Exception {
		TaskFixtures fixtures = TaskFixtures.from(context);
		MediaFixtures media = MediaFixtures.from(context);
		UUID messageId = fixtures.acceptedLetter(LETTER);
		UUID video = media.video(messageId);
		media.transcript(video, "fa", true, CUES);
		UUID scan = media.scan(messageId);
		media.transcript(scan, "fa", true, LINES);
		media.announceApproved(video, messageId);
		media.announceApproved(scan, messageId);
		media.announceApproved(video, messageId); // a second delivery changes nothing

		await().atMost(Duration.ofSeconds(20)).until(() -> tasks.findForFile(video, "en").isPresent()
				&& tasks.findForFile(scan, "en").isPresent());
		assertThat(jdbc.sql("select count(*) from translation.task where message_id = ?").param(messageId)
			.query(Integer.class).single()).isEqualTo(6);
		TranslationTask videoTask = tasks.findForFile(video, "sq").orElseThrow();
		assertThat(videoTask.isTimed()).isTrue();
		assertThat(videoTask.segmentCount()).isEqualTo(2);
		TranslationTask scanTask = tasks.findForFile(scan, "sq").orElseThrow();
		assertThat(scanTask.isScan()).isTrue();

		// The translator sees the timing of each cue and the region of each line.
		desk.take(videoTask.id(), TaskFixtures.translator("tina"));
		desk.take(scanTask.id(), TaskFixtures.translator("tina"));
		String editor = mvc.perform(get("/staff/translations/{id}", videoTask.id()).with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(editor).contains("00:01 – 00:03").contains("00:04 – 00:06")
			.contains("/staff/translations/" + videoTask.id() + "/watch");
		String scanEditor = mvc.perform(get("/staff/translations/{id}", scanTask.id()).with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(scanEditor).contains("<svg").contains("viewBox=\"30 40 340 40\"")
			.contains("href=\"/staff/translations/" + scanTask.id() + "/media/PAGE?page=1\"")
			.contains("x=\"40\"").contains("width=\"320\"");

		// Nothing moves the message until every Albanian task is translated, then approved.
		fixtures.translated(messageId, "sq", "tom", List.of("Përshëndetje nënë.", "Ne jemi mirë."));
		assertThat(messages.summary(messageId).status()).isEqualTo(MessageStatus.IN_TRANSLATION);
		desk.submit(videoTask.id(), TaskFixtures.translator("tina"), List.of("Përshëndetje nënë", "Ali ju përshëndet"),
				false, true);
		assertThat(messages.summary(messageId).status()).isEqualTo(MessageStatus.IN_TRANSLATION);
		desk.submit(scanTask.id(), TaskFixtures.translator("tina"), List.of("Ne jemi mirë"), false, true);
		assertThat(messages.summary(messageId).status()).isEqualTo(MessageStatus.TRANSLATED);

		for (UUID taskId : List.of(fixtures.task(messageId, "sq").id(), scanTask.id())) {
			desk.markReviewed(taskId, TaskFixtures.reviewer("rita"));
			desk.approve(taskId, TaskFixtures.reviewer("anna"));
		}
		assertThat(messages.summary(messageId).status()).isEqualTo(MessageStatus.TRANSLATED);
		desk.markReviewed(videoTask.id(), TaskFixtures.reviewer("rita"));
		desk.approve(videoTask.id(), TaskFixtures.reviewer("anna"));
		assertThat(messages.summary(messageId).status()).isEqualTo(MessageStatus.APPROVED);

		// The approved cues went to media for a burned-in copy in Albanian.
		assertThat(jdbc.sql("select cue_count from media.subtitle_request where file_id = ? and language = 'sq'")
			.param(video).query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select state from media.job where file_id = ? and step = 'burn-subtitles' and params = 'sq'")
			.param(video).query(String.class).single()).isEqualTo("PENDING");
		assertThat(translations.approvedFiles(messageId, "sq")).extracting(f -> f.fileId())
			.containsExactlyInAnyOrder(video, scan);
		assertThat(translations.approvedFiles(messageId, "sq")).filteredOn(f -> f.fileId().equals(video)).singleElement()
			.satisfies(f -> {
				assertThat(f.segments()).extracting(s -> s.text()).containsExactly("Përshëndetje nënë", "Ali ju përshëndet");
				assertThat(f.segments()).extracting(s -> s.startMs()).containsExactly(1_000L, 4_000L);
				assertThat(f.reviewer()).isEqualTo("anna");
			});
		assertThat(translations.approvedFiles(messageId, "en")).isEmpty();
	}

	@Test
	void streamsTheFileAndTheSubtitlesOnlyToTheTranslatorOfTheTask() throws Exception {
		TaskFixtures fixtures = TaskFixtures.from(context);
		MediaFixtures media = MediaFixtures.from(context);
		UUID messageId = fixtures.acceptedLetter(LETTER);
		UUID video = media.video(messageId);
		media.transcript(video, "fa", true, CUES);
		media.announceApproved(video, messageId);
		await().atMost(Duration.ofSeconds(20)).until(() -> tasks.findForFile(video, "sq").isPresent());
		UUID taskId = tasks.findForFile(video, "sq").orElseThrow().id();

		mvc.perform(get("/staff/translations/{id}/media/WORKING", taskId).with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isNotFound());
		desk.take(taskId, TaskFixtures.translator("tina"));
		desk.save(taskId, TaskFixtures.translator("tina"), List.of("Përshëndetje nënë"), false);

		byte[] original = media.testVideo();
		mvc.perform(get("/staff/translations/{id}/media/WORKING", taskId).with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("Content-Type", "video/mp4"))
			.andExpect(content().bytes(original));
		mvc.perform(get("/staff/translations/{id}/media/WORKING", taskId).header("Range", "bytes=100-199")
			.with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Range", "bytes 100-199/" + original.length))
			.andExpect(content().bytes(Arrays.copyOfRange(original, 100, 200)));
		mvc.perform(get("/staff/translations/{id}/media/WORKING", taskId).header("Range", "bytes=" + original.length + "-")
			.with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isRequestedRangeNotSatisfiable());
		mvc.perform(get("/staff/translations/{id}/media/ORIGINAL", taskId).with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/staff/translations/{id}/media/PAGE?page=1", taskId).with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/staff/translations/{id}/media/WORKING", taskId).with(user("tom").roles("TRANSLATOR")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/staff/translations/{id}/media/WORKING", UUID.randomUUID()).with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/staff/translations/{id}/media/WORKING", taskId).with(user("ian").roles("INTAKE")))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'media.read' and record_id = ? and outcome = 'SUCCESS'")
			.param(video.toString()).query(Integer.class).single()).isEqualTo(3);

		// The draft in progress can be previewed: cues without a translation yet are left out.
		mvc.perform(get("/staff/translations/{id}/subtitles.vtt", taskId).with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/vtt;charset=UTF-8"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"subtitles-" + taskId + "-sq.vtt\""))
			.andExpect(content().bytes("WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.500\nPërshëndetje nënë\n\n"
				.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		mvc.perform(get("/staff/translations/{id}/subtitles.srt", taskId).with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isOk())
			.andExpect(content().bytes("1\r\n00:00:01,000 --> 00:00:03,500\r\nPërshëndetje nënë\r\n\r\n"
				.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		mvc.perform(get("/staff/translations/{id}/subtitles.vtt?track=source", taskId).with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isOk())
			.andExpect(content().bytes(("WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.500\nسلام مادر جان\n\n"
					+ "2\n00:00:04.000 --> 00:00:06.250\n\u200FAli سلام می‌رساند\u200F\n\n")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		mvc.perform(get("/staff/translations/{id}/subtitles.vtt", taskId).with(user("tom").roles("TRANSLATOR")))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'translation.subtitles.read' and record_id = ?")
			.param(taskId.toString()).query(Integer.class).single()).isEqualTo(4);

		String watch = mvc.perform(get("/staff/translations/{id}/watch", taskId).with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(watch).contains("src=\"/staff/translations/" + taskId + "/media/WORKING\"")
			.containsPattern("<track kind=\"subtitles\" default srclang=\"sq\" label=\"[^\"]+\" src=\"/staff/translations/"
					+ taskId + "/subtitles.vtt\">")
			.contains("srclang=\"fa\"").contains("subtitles.vtt?track=source")
			.doesNotContain("<script>").doesNotContain("style=");
	}

	/** Whether the listeners of the events about this file have all completed. */
	private boolean handled(UUID fileId) {
		return jdbc.sql("select count(*) from event_publication where serialized_event like ? and completion_date is null")
			.param("%" + fileId + "%").query(Integer.class).single() == 0;
	}

	@Test
	void aTranscriptThatIsNotApprovedOrAMessageNotYetAcceptedOpensNoTask() {
		TaskFixtures fixtures = TaskFixtures.from(context);
		MediaFixtures media = MediaFixtures.from(context);
		UUID draftMessage = fixtures.acceptedLetter(LETTER);
		UUID draft = media.video(draftMessage);
		media.transcript(draft, "fa", false, CUES);
		media.announceApproved(draft, draftMessage);

		UUID waiting = messages.receive(new org.kinlink.messages.LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر",
				"علی احمدی", "Ali Ahmadi", "حسن", 1990, null, LETTER, "fa"));
		UUID early = media.video(waiting);
		media.transcript(early, "fa", true, CUES);
		media.announceApproved(early, waiting);

		UUID later = fixtures.acceptedLetter(LETTER);
		UUID empty = media.file(later, MediaKind.AUDIO, "audio/mp4", null, null, 1000L, 0);
		media.transcript(empty, "fa", true, List.of(new TranscriptSegment(1, "  ", null, null, 0L, 500L)));
		media.announceApproved(empty, later);
		UUID marker = media.video(later);
		media.transcript(marker, "fa", true, CUES);
		media.announceApproved(marker, later);
		await().atMost(Duration.ofSeconds(20)).until(() -> tasks.findForFile(marker, "sq").isPresent()
				&& handled(draft) && handled(early) && handled(empty));

		assertThat(tasks.existsForFile(draft)).isFalse();
		assertThat(tasks.existsForFile(early)).isFalse();
		assertThat(tasks.existsForFile(empty)).isFalse();
		assertThat(messages.summary(waiting).status()).isEqualTo(MessageStatus.RECEIVED);
	}

}
