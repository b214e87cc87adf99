package org.kinlink.media.subtitles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.kinlink.media.MediaContent;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.Rendition;
import org.kinlink.media.SubtitledCopies;
import org.kinlink.media.SubtitledCopyReady;
import org.kinlink.media.ffmpeg.Ffmpeg;
import org.kinlink.media.ffmpeg.LoopbackSource;
import org.kinlink.media.processing.Job;
import org.kinlink.media.processing.JobQueue;
import org.kinlink.media.processing.Steps;
import org.kinlink.testsupport.MediaFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Burns an Albanian cue (with ë and ç) and a Persian cue into a 3-second test video and checks the copy by
 * decoding it: it plays, lasts as long as the original, and the subtitle area differs from the original only
 * while a cue is shown.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class BurnSubtitlesTests {

	static final List<SubtitledCopies.Cue> CUES = List.of(
			new SubtitledCopies.Cue(200, 1400, "Çdo ditë më mungon shtëpia."),
			new SubtitledCopies.Cue(1800, 2600, "دلم برای خانه تنگ شده است."));

	@Autowired
	ApplicationContext context;

	@Autowired
	SubtitledCopies copies;

	@Autowired
	BurnSubtitlesStep step;

	@Autowired
	MediaFiles files;

	@Autowired
	Ffmpeg ffmpeg;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void burnsAlbanianAndPersianCuesIntoACopyThatShowsThemOnlyDuringTheirCues() throws Exception {
		MediaFixtures fixtures = MediaFixtures.from(context);
		UUID messageId = UUID.randomUUID();
		UUID fileId = fixtures.video(messageId);

		copies.request(fileId, "sq", CUES);
		assertThat(jdbc.sql("select count(*) from media.job where file_id = ? and step = ? and params = 'sq' and state = 'PENDING'")
			.params(fileId, Steps.BURN_SUBTITLES).query(Integer.class).single()).isEqualTo(1);
		step.run(new Job(UUID.randomUUID(), fileId, Steps.BURN_SUBTITLES, "sq", 1));

		assertThat(files.file(fileId).has(Rendition.subtitled("sq"))).isTrue();
		assertThat(events.stream(SubtitledCopyReady.class)).containsExactly(new SubtitledCopyReady(fileId, messageId, "sq"));
		MediaContent copy = files.content(fileId, Rendition.subtitled("sq"));
		MediaContent original = files.content(fileId, Rendition.of(Rendition.Kind.WORKING));
		assertThat(copy.contentType()).isEqualTo("video/mp4");

		try (LoopbackSource copied = LoopbackSource.serve(copy.channel(), copy.size());
				LoopbackSource source = LoopbackSource.serve(original.channel(), original.size())) {
			Ffmpeg.Result probe = ffmpeg.ffprobe(List.of("-v", "error", "-show_entries", "stream=codec_name,width,height",
					"-of", "csv=p=0", copied.url()), Duration.ofSeconds(30));
			assertThat(probe.ok()).as(probe.stderrTail()).isTrue();
			assertThat(probe.stdout()).contains("h264,320,240").contains("aac");
			assertThat(decodedSeconds(copied.url())).isBetween(2.8, 3.3);

			// Inside the Albanian cue, inside the Persian cue, and after both.
			assertThat(subtitleAreaDifference(frame(source.url(), 0.8), frame(copied.url(), 0.8))).isGreaterThan(25);
			assertThat(subtitleAreaDifference(frame(source.url(), 2.2), frame(copied.url(), 2.2))).isGreaterThan(25);
			assertThat(subtitleAreaDifference(frame(source.url(), 2.9), frame(copied.url(), 2.9))).isLessThan(8);
		}
	}

	@Test
	void theSameCuesAgainQueueNothingNewAndBadRequestsAreRefused() {
		MediaFixtures fixtures = MediaFixtures.from(context);
		UUID fileId = fixtures.file(UUID.randomUUID(), org.kinlink.media.MediaKind.VIDEO, "video/mp4", 320, 240, 3000L, 0);
		copies.request(fileId, "en", CUES);
		jdbc.sql("update media.job set state = 'DONE' where file_id = ?").param(fileId).update();
		copies.request(fileId, "en", CUES);
		assertThat(jdbc.sql("select state from media.job where file_id = ?").param(fileId).query(String.class).list())
			.containsExactly("DONE");
		copies.request(fileId, "en", List.of(new SubtitledCopies.Cue(0, 900, "Changed")));
		assertThat(jdbc.sql("select state from media.job where file_id = ?").param(fileId).query(String.class).list())
			.containsExactly("PENDING");
		assertThat(context.getBean(SubtitleRequests.class).cues(fileId, "en")).extracting(SubtitledCopies.Cue::text)
			.containsExactly("Changed");
		assertThat(jdbc.sql("select sealed_cues from media.subtitle_request where file_id = ?").param(fileId)
			.query((rs, n) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).single())
			.doesNotContain("Changed");

		assertThatIllegalArgumentException().isThrownBy(() -> copies.request(fileId, "../x", CUES));
		assertThatIllegalArgumentException().isThrownBy(() -> copies.request(fileId, "sq", List.of()));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> copies.request(fileId, "sq", List.of(new SubtitledCopies.Cue(900, 100, "backwards"))));
	}

	@Test
	void aVoiceNoteGetsNoSubtitledCopy() throws Exception {
		MediaFixtures fixtures = MediaFixtures.from(context);
		UUID fileId = fixtures.file(UUID.randomUUID(), org.kinlink.media.MediaKind.AUDIO, "audio/mp4", null, null, 3000L, 0);
		copies.request(fileId, "sq", CUES);
		step.run(new Job(UUID.randomUUID(), fileId, Steps.BURN_SUBTITLES, "sq", 1));
		assertThat(files.file(fileId).renditions()).isEmpty();
	}

	@Test
	void rendersPersianShapedAndWrapsLongLinesToTheVideoWidth() throws Exception {
		CueRenderer renderer = context.getBean(CueRenderer.class);
		BufferedImage shortLine = ImageIO.read(new ByteArrayInputStream(renderer.png("سلام", 320, 240)));
		BufferedImage longLine = ImageIO.read(new ByteArrayInputStream(renderer.png(
				"Ky është një rresht shumë i gjatë që nuk mund të hyjë në gjerësinë e videos pa u mbështjellë.", 320, 240)));
		assertThat(longLine.getWidth()).isLessThanOrEqualTo(320);
		assertThat(longLine.getHeight()).isGreaterThan(2 * shortLine.getHeight() - 10);
		assertThat(shortLine.getRGB(0, shortLine.getHeight() / 2) >>> 24).as("translucent box").isBetween(100, 200);
	}

	private double decodedSeconds(String url) throws Exception {
		Ffmpeg.Result probe = ffmpeg.ffprobe(List.of("-v", "error", "-select_streams", "v:0", "-count_frames",
				"-show_entries", "stream=nb_read_frames,r_frame_rate", "-of", "csv=p=0", url), Duration.ofSeconds(60));
		assertThat(probe.ok()).as(probe.stderrTail()).isTrue();
		String[] fields = probe.stdout().strip().split(",");
		String[] rate = fields[0].split("/");
		return Integer.parseInt(fields[1]) / (Double.parseDouble(rate[0]) / Double.parseDouble(rate[1]));
	}

	private BufferedImage frame(String url, double seconds) throws Exception {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		Ffmpeg.Result result = ffmpeg.ffmpeg(List.of("-v", "error", "-i", url, "-ss", String.valueOf(seconds),
				"-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "pipe:1"), null, png, Duration.ofSeconds(60));
		assertThat(result.ok()).as(result.stderrTail()).isTrue();
		return ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
	}

	/** Mean absolute difference per channel over the bottom third of two frames of the same size. */
	private static double subtitleAreaDifference(BufferedImage a, BufferedImage b) {
		assertThat(a.getWidth()).isEqualTo(b.getWidth());
		long total = 0;
		long samples = 0;
		for (int y = a.getHeight() * 2 / 3; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				int p = a.getRGB(x, y);
				int q = b.getRGB(x, y);
				for (int shift = 0; shift <= 16; shift += 8) {
					total += Math.abs((p >> shift & 0xff) - (q >> shift & 0xff));
					samples++;
				}
			}
		}
		return (double) total / samples;
	}

}
