package org.kinlink.media.sniff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.kinlink.media.MediaKind;

/**
 * Sniffing reads the first bytes of anything a family uploads: it never throws, answers only with a type of
 * the allowlist, and the declared picture size it reads before any decoder is never negative.
 */
class SnifferFuzzTests {

	private static final Sniffer SNIFFER = new Sniffer();

	@FuzzTest(maxDuration = "30s")
	void sniffsAnyBytesSafely(byte[] head) {
		Optional<Sniffed> sniffed = SNIFFER.sniff(head);
		sniffed.ifPresent(type -> {
			assertThat(type.kind()).isIn(Set.of(MediaKind.IMAGE, MediaKind.DOCUMENT, MediaKind.AUDIO, MediaKind.VIDEO));
			assertThat(type.contentType()).matches("(image|audio|video|application)/[a-z0-9.+-]+");
		});
		ImageHeaders.dimensions(head).ifPresent(size -> assertThat(java.util.Arrays.stream(size).min().orElse(0)).isNotNegative());
	}

}
