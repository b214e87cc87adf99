package org.kinlink.media.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.media.MediaFile;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.MediaKind;
import org.kinlink.media.MediaStatus;
import org.kinlink.media.Rendition;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalogue of bad files (issue #3, item 8): each gets a clear answer, quarantined with the problem key
 * staff will read, or processed into a working copy without what it should not carry.
 */
@MediaTest
class BadFilesTests {

	static final Rendition WORKING = Rendition.of(Rendition.Kind.WORKING);

	@Autowired
	MediaFixtures fixtures;

	@Autowired
	MediaFiles media;

	byte[] jpeg() {
		return fixtures.ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:duration=1", "-frames:v", "1", "-c:v", "mjpeg",
				"-f", "image2pipe");
	}

	byte[] png() {
		return fixtures.ffmpeg("-f", "lavfi", "-i", "testsrc=size=64x48:duration=1", "-frames:v", "1", "-c:v", "png",
				"-f", "image2pipe");
	}

	void assertQuarantined(UUID fileId, String problemKey) {
		MediaFile file = media.file(fileId);
		assertThat(file.status()).isEqualTo(MediaStatus.QUARANTINED);
		assertThat(file.problemKey()).isEqualTo(problemKey);
		assertThat(file.renditions()).isEmpty();
	}

	@Test
	void aPasswordProtectedPdfIsQuarantinedAsEncrypted() throws Exception {
		java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
		try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
			document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
			org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy(
					"owner-secret", "reader-secret", new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			document.save(pdf);
		}
		UUID fileId = fixtures.processed(pdf.toByteArray(), "scan.pdf");

		assertQuarantined(fileId, "media.problem.encrypted");
	}

	@Test
	void aFileOfZeroBytesIsQuarantinedAsEmpty() {
		UUID fileId = fixtures.processed(new byte[0], "empty.jpg");

		assertQuarantined(fileId, "media.problem.empty");
	}

	@Test
	void aTruncatedMp4IsQuarantinedAsDamaged() {
		byte[] mp4 = fixtures.ffmpegToFile("mp4", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=3", "-f",
				"lavfi", "-i", "sine=duration=3", "-c:v", "libx264", "-c:a", "aac", "-shortest");

		UUID fileId = fixtures.processed(Arrays.copyOf(mp4, mp4.length / 2), "video.mp4");

		assertQuarantined(fileId, "media.problem.damaged");
	}

	@Test
	void aPngNamedMp4IsTreatedAsAPng() {
		UUID fileId = fixtures.processed(png(), "holiday.mp4");

		MediaFile file = media.file(fileId);
		assertThat(file.status()).isEqualTo(MediaStatus.READY);
		assertThat(file.kind()).isEqualTo(MediaKind.IMAGE);
		assertThat(file.contentType()).isEqualTo("image/png");
		assertThat(media.content(fileId, WORKING).contentType()).isEqualTo("image/png");
		assertThat(file.has(Rendition.of(Rendition.Kind.THUMBNAIL))).isTrue();
	}

	@Test
	void aTextFileNamedJpgIsRefusedByType() {
		UUID fileId = fixtures.processed("Dear brother, this is not a picture.\n".getBytes(StandardCharsets.UTF_8), "letter.jpg");

		assertQuarantined(fileId, "media.problem.type");
	}

	@Test
	void aJpegWithAZipBehindItLosesTheZip() {
		byte[] polyglot = Fixtures.concat(jpeg(), Fixtures.zip());
		assertThat(Fixtures.contains(polyglot, "PK\u0003\u0004")).isTrue();

		UUID fileId = fixtures.processed(polyglot, "photo.jpg");

		assertThat(media.file(fileId).status()).isEqualTo(MediaStatus.READY);
		byte[] working = fixtures.bytes(fileId, WORKING);
		assertThat(working).startsWith(0xFF, 0xD8);
		assertThat(Fixtures.contains(working, "PK\u0003\u0004")).isFalse();
		assertThat(Fixtures.contains(working, "hidden.txt")).isFalse();
	}

	@Test
	void aPngClaimingFiftyThousandPixelsSquareIsRefusedWithoutDecoding() {
		byte[] liar = Fixtures.png(50_000, 50_000, 1);
		assertThat(liar.length).isLessThan(2048);

		UUID fileId = fixtures.processed(liar, "scan.png");

		assertQuarantined(fileId, "media.problem.tooManyPixels");
	}

	@Test
	void aDecompressionBombIsRefusedBeforeItInflates() {
		// 32768 x 32768 RGB: about 3 MB that inflate to 3 GB of pixels
		byte[] bomb = Fixtures.png(32_768, 32_768, 3 * 1024);
		assertThat(bomb.length).isLessThan(4 * 1024 * 1024);

		UUID fileId = fixtures.processed(bomb, "bomb.png");

		assertQuarantined(fileId, "media.problem.tooManyPixels");
	}

	@Test
	void aGpsTaggedJpegComesOutWithoutExifAndTurnedUpright() {
		byte[] tagged = Fixtures.withExifGps(jpeg());
		assertThat(Fixtures.contains(tagged, Fixtures.LATITUDE)).isTrue();

		UUID fileId = fixtures.processed(tagged, "photo.jpg");

		MediaFile file = media.file(fileId);
		assertThat(file.status()).isEqualTo(MediaStatus.READY);
		byte[] working = fixtures.bytes(fileId, WORKING);
		assertThat(Fixtures.contains(working, "Exif")).isFalse();
		assertThat(Fixtures.contains(working, Fixtures.LATITUDE)).isFalse();
		assertThat(fixtures.probe(fileId, WORKING)).doesNotContain(".tags.").contains("width=48", "height=64");
	}

	@Test
	void aVideoWithTitleAndLocationComesOutWithoutThem() {
		byte[] video = fixtures.ffmpegToFile("mov", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=2", "-f",
				"lavfi", "-i", "sine=duration=2", "-c:v", "libx264", "-c:a", "aac", "-shortest", "-metadata",
				"title=Kinlink secret title", "-metadata", "location=+35.6892+051.3890/", "-metadata:s:a",
				"handler_name=Kinlink handler");
		assertThat(Fixtures.contains(video, "Kinlink secret title")).isTrue();
		assertThat(Fixtures.contains(video, "+35.6892")).isTrue();

		UUID fileId = fixtures.processed(video, "video.mov");

		MediaFile file = media.file(fileId);
		assertThat(file.status()).isEqualTo(MediaStatus.READY);
		assertThat(file.kind()).isEqualTo(MediaKind.VIDEO);
		assertThat(media.content(fileId, WORKING).contentType()).isEqualTo("video/mp4");
		assertThat(file.durationMs()).isBetween(1900L, 2100L);
		byte[] working = fixtures.bytes(fileId, WORKING);
		assertThat(Fixtures.contains(working, "Kinlink")).isFalse();
		assertThat(Fixtures.contains(working, "+35.6892")).isFalse();
		String probe = fixtures.probe(fileId, WORKING);
		assertThat(probe).doesNotContain("tags.title", "tags.location", "Kinlink").contains("codec_name=\"h264\"", "codec_name=\"aac\"");
		assertThat(file.has(Rendition.of(Rendition.Kind.POSTER))).isTrue();
		assertThat(file.has(Rendition.of(Rendition.Kind.THUMBNAIL))).isTrue();
	}

}
