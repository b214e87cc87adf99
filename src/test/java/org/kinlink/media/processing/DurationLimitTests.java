package org.kinlink.media.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.media.MediaFile;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.MediaStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A recording longer than the limit (3 h in production, 2 s here) is set aside before anything transcodes it.
 */
@SpringBootTest(properties = { "kinlink.media.jobs.enabled=false", "kinlink.media.limits.max-duration=PT2S" })
@Import(MediaFixtures.class)
class DurationLimitTests {

	@Autowired
	MediaFixtures fixtures;

	@Autowired
	MediaFiles media;

	@Test
	void aRecordingLongerThanTheLimitIsQuarantinedAsTooLong() {
		byte[] voice = fixtures.ffmpegToFile("m4a", "-f", "lavfi", "-i", "sine=frequency=300:duration=4", "-c:a", "aac");
		UUID fileId = fixtures.processed(voice, "voice.m4a");

		MediaFile file = media.file(fileId);
		assertThat(file.status()).isEqualTo(MediaStatus.QUARANTINED);
		assertThat(file.problemKey()).isEqualTo("media.problem.tooLong");
		assertThat(file.renditions()).isEmpty();
	}

	@Test
	void aRecordingWithinTheLimitIsProcessed() {
		byte[] voice = fixtures.ffmpegToFile("m4a", "-f", "lavfi", "-i", "sine=frequency=300:duration=1", "-c:a", "aac");
		UUID fileId = fixtures.processed(voice, "voice.m4a");

		assertThat(media.file(fileId).status()).isEqualTo(MediaStatus.READY);
	}

}
