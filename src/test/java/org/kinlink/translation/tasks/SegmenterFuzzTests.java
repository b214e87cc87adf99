package org.kinlink.translation.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The segmenter cuts any letter into sentences without losing or inventing a character: the segments, with
 * white space taken out, are the text's lines that hold a letter or digit with white space taken out, and none
 * is blank or padded.
 */
class SegmenterFuzzTests {

	/** NEL ends a line like \n (the segmenter splits lines on \R) though Java does not call it white space. */
	private static final int NEXT_LINE = 0x85;

	private static final List<String> LANGUAGES = List.of("fa", "prs", "sq", "en");

	@FuzzTest(maxDuration = "30s")
	void segmentsAnyTextWithoutLosingCharacters(FuzzedDataProvider data) {
		String language = data.pickValue(LANGUAGES);
		String text = data.consumeRemainingAsString();
		List<String> segments = new Segmenter(language).segments(text);
		for (String segment : segments) {
			assertThat(segment).isNotBlank().isEqualTo(segment.strip());
		}
		assertThat(withoutWhiteSpace(String.join("", segments))).isEqualTo(withoutWhiteSpace(linesWithWords(text)));
	}

	/** The lines that hold a letter or digit: a line of only punctuation or controls has nothing to translate. */
	private static String linesWithWords(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		for (String line : text.split("\\R", -1)) {
			if (line.codePoints().anyMatch(Character::isLetterOrDigit)) {
				kept.append(line).append('\n');
			}
		}
		return kept.toString();
	}

	private static String withoutWhiteSpace(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != NEXT_LINE)
			.forEach(kept::appendCodePoint);
		return kept.toString();
	}

}
