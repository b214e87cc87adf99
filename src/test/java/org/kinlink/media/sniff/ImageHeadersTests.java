package org.kinlink.media.sniff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.kinlink.media.MediaKind;

/** Signatures decide the type, never a name; picture headers give their size without decoding. */
class ImageHeadersTests {

	private final Sniffer sniffer = new Sniffer();

	@Test
	void readsTheSizeAPngDeclares() {
		byte[] header = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, (byte) 0xC3,
				0x50, 0, 0, (byte) 0xC3, 0x50 };

		assertThat(ImageHeaders.dimensions(header)).hasValueSatisfying(size -> assertThat(size).containsExactly(50_000, 50_000));
	}

	@Test
	void readsTheSizeAJpegDeclaresAfterOtherSegments() {
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 0, 0, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0x01,
				(byte) 0xE0, 0x02, (byte) 0x80, 3, 0, 0, 0 };

		assertThat(ImageHeaders.dimensions(jpeg)).hasValueSatisfying(size -> assertThat(size).containsExactly(640, 480));
	}

	@Test
	void textIsNotAnAllowedTypeWhateverItsName() {
		assertThat(sniffer.sniff("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(sniffer.sniff(new byte[0])).isEmpty();
		assertThat(sniffer.sniff("PK\u0003\u0004rest of a zip".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
	}

	@Test
	void aPdfIsADocument() {
		assertThat(sniffer.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
			.hasValueSatisfying(sniffed -> assertThat(sniffed.kind()).isEqualTo(MediaKind.DOCUMENT));
	}

}
