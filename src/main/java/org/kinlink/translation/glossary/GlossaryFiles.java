package org.kinlink.translation.glossary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** What CSV and TBX files have in common: limits, strict UTF-8 with an optional byte order mark, language tags. */
final class GlossaryFiles {

	/** The largest glossary file read: a glossary of 20,000 terms in TBX stays well below it. */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_TERMS = 20_000;

	private GlossaryFiles() {
	}

	/** The file as text, or empty when it is not UTF-8; a leading byte order mark is dropped. */
	static Optional<String> text(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

	/** The language of a tag such as "fa-IR", "SQ" or "en_GB", lower case. */
	static String language(String tag) {
		if (tag == null) {
			return "";
		}
		String clean = tag.strip().replace('_', '-');
		int dash = clean.indexOf('-');
		return (dash < 0 ? clean : clean.substring(0, dash)).toLowerCase(Locale.ROOT);
	}

	/** Whether the bytes look like XML (after a byte order mark and white space): then they are read as TBX. */
	static boolean looksLikeXml(byte[] bytes) {
		int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		while (i < bytes.length && Character.isWhitespace(bytes[i])) {
			i++;
		}
		return i < bytes.length && bytes[i] == '<';
	}

}
