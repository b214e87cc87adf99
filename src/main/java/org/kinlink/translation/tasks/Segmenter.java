package org.kinlink.translation.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Splits a letter into sentence segments with ICU's sentence rules for the letter's language, adjusted for
 * how Persian letters are written: every line break ends a segment (families put a greeting or a thought on
 * its own line), an ellipsis trails off inside a sentence rather than ending it, and a Latin initial or title
 * ("A. Lind", "Dr. PawPaw", "Grace v. Sessions") does not end a sentence when a Latin word follows, nor does a
 * dotted abbreviation (D.C.); punctuation left alone after a break (a stray closing quote) joins the sentence
 * before it, and a line of punctuation only has nothing to translate and is dropped. ICU
 * already keeps the Persian question mark and Arabic full stop as terminators, decimals such as ۳٫۵ or ۲.۵
 * together, and ZWNJ inside words.
 */
public final class Segmenter {

	private static final Pattern LINE_BREAK = Pattern.compile("\\R");

	/** An ellipsis, possibly followed by closing quotes or brackets, at the end of a segment. */
	private static final Pattern TRAILING_ELLIPSIS = Pattern.compile("(\\.\\.\\.|…)[\\p{Pf}\\p{Pe}\"']*$");

	/** The Latin word right before the final full stop of a segment. */
	private static final Pattern LATIN_WORD_BEFORE_STOP = Pattern.compile("(?:^|[^\\p{IsLatin}])(\\p{IsLatin}+)\\.$");

	/** A Latin abbreviation written with dots between its letters (D.C., U.S.) at the end of a segment. */
	private static final Pattern DOTTED_ABBREVIATION = Pattern.compile("(?:^|[^\\p{IsLatin}.])\\p{IsLatin}(?:\\.\\p{IsLatin})+\\.$");

	private static final Set<String> LATIN_TITLES = Set.of("Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Jr", "Sr", "vs",
			"Mt", "Gen", "Col", "Lt", "Capt", "Sgt", "Rev", "Hon", "Gov", "Sen", "Rep");

	private final ULocale locale;

	/** A segmenter for texts in the given language (an ISO 639 code such as "fa"). */
	public Segmenter(String language) {
		this.locale = new ULocale(language == null || language.isBlank() ? "fa" : language);
	}

	/** The sentences of the text in order, trimmed; blank ones are dropped. Never null. */
	public List<String> segments(String text) {
		List<String> segments = new ArrayList<>();
		if (text == null) {
			return segments;
		}
		for (String line : LINE_BREAK.split(text)) {
			segments.addAll(sentencesOf(line));
		}
		return segments;
	}

	private List<String> sentencesOf(String line) {
		BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
		sentences.setText(line);
		List<StringBuilder> merged = new ArrayList<>();
		int start = sentences.first();
		for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
			String piece = line.substring(start, end);
			StringBuilder previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (previous != null && (!hasLetterOrDigit(piece) || continuesAfter(previous.toString().strip(), piece.strip()))) {
				previous.append(piece);
			}
			else {
				merged.add(new StringBuilder(piece));
			}
		}
		// A piece without letters or digits at the start of a line ("!!! " before a sentence) goes with the sentence
		// after it rather than being lost; only a line with no letter or digit at all gives no segment.
		List<String> result = new ArrayList<>();
		StringBuilder leading = new StringBuilder();
		for (StringBuilder sentence : merged) {
			if (hasLetterOrDigit(sentence)) {
				result.add(leading.append(sentence).toString().strip());
				leading.setLength(0);
			}
			else {
				leading.append(sentence);
			}
		}
		return result;
	}

	/** Whether ICU's break after this sentence falls inside a sentence as people write it. */
	static boolean continuesAfter(String sentence, String next) {
		if (TRAILING_ELLIPSIS.matcher(sentence).find() || DOTTED_ABBREVIATION.matcher(sentence).find()) {
			return true;
		}
		Matcher latin = LATIN_WORD_BEFORE_STOP.matcher(sentence);
		if (latin.find() && !next.isEmpty() && Character.UnicodeScript.of(next.codePointAt(0)) == Character.UnicodeScript.LATIN) {
			String word = latin.group(1);
			return word.length() == 1 || LATIN_TITLES.contains(word);
		}
		return false;
	}

	private static boolean hasLetterOrDigit(CharSequence text) {
		return text.codePoints().anyMatch(Character::isLetterOrDigit);
	}

}
