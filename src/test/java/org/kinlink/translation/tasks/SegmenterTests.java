package org.kinlink.translation.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Sentence segmentation of Persian letters. The corpus samples are real Persian from NTREX-128 (CC BY-SA 4.0,
 * Federmann, Kocmi, Xin 2022), copied with attribution into ntrex128-fas-excerpt.tsv, each line with its
 * sentence count counted by hand.
 */
class SegmenterTests {

	private final Segmenter segmenter = new Segmenter("fa");

	private final Map<Integer, CorpusLine> corpus = CorpusLine.load();

	@Test
	void keepsPunctuationThatOpensALineWithTheSentenceAfterIt() {
		assertThat(new Segmenter("fa").segments("!!! سلام مادر. خوبی؟\n***\n… و دیگر هیچ."))
			.containsExactly("!!! سلام مادر.", "خوبی؟", "… و دیگر هیچ.");
	}

	@Test
	void rebuildsALetterOfHeadlinesAndParagraphsAndCountsItsSentences() {
		String letter = line(1) + "\n\n" + line(2) + " " + line(3) + "\n\n" + line(4) + "\n" + line(5) + " " + line(7)
				+ " " + line(8);

		List<String> segments = segmenter.segments(letter);

		assertThat(segments).hasSize(7);
		assertThat(segments.get(0)).isEqualTo(line(1));
		assertThat(segments.get(3)).isEqualTo(line(4));
		assertJoinsBackTo(segments, letter);
	}

	@Test
	void countsEveryOneSentenceLineInRunningText() {
		List<CorpusLine> single = corpus.values().stream().filter(l -> l.sentences() == 1 && l.endsWithStop()).toList();
		for (int from = 0; from < single.size(); from += 6) {
			List<CorpusLine> chunk = single.subList(from, Math.min(from + 6, single.size()));
			String sample = chunk.stream().map(CorpusLine::text).collect(Collectors.joining(" "));

			List<String> segments = segmenter.segments(sample);

			assertThat(segments).as("sample of lines %s", chunk.stream().map(CorpusLine::number).toList())
				.hasSize(chunk.size());
			assertJoinsBackTo(segments, sample);
		}
	}

	@Test
	void countsTheSentencesOfLinesThatHoldSeveral() {
		List<CorpusLine> multi = corpus.values().stream().filter(l -> l.sentences() > 1).toList();
		String sample = multi.stream().map(CorpusLine::text).collect(Collectors.joining(" "));

		List<String> segments = segmenter.segments(sample);

		assertThat(multi).hasSizeGreaterThanOrEqualTo(5);
		assertThat(segments).hasSize(multi.stream().mapToInt(CorpusLine::sentences).sum());
		assertJoinsBackTo(segments, sample);
	}

	@Test
	void keepsDecimalsWithPersianSeparatorAndLatinNamesWithInitialsInOneSentence() {
		assertThat(segmenter.segments(line(231))).containsExactly(line(231)); // ۲۰٫۴ میلیون
		assertThat(segmenter.segments(line(1047))).containsExactly(line(1047)); // 7.5 ریشتری
		assertThat(segmenter.segments(line(39))).containsExactly(line(39)); // Dionisio A. Lind
		assertThat(segmenter.segments(line(1030))).containsExactly(line(1030)); // Grace v. Sessions
		assertThat(segmenter.segments(line(1027))).containsExactly(line(1027)); // D.C.
	}

	@Test
	void endsSentencesAtThePersianQuestionMarkAndTheArabicFullStop() {
		assertThat(segmenter.segments("حالت چطور است؟ من خوبم۔ نامه‌ات رسید! دلم برایت تنگ شده."))
			.containsExactly("حالت چطور است؟", "من خوبم۔", "نامه‌ات رسید!", "دلم برایت تنگ شده.");
	}

	@Test
	void doesNotSplitAtAnEllipsis() {
		assertThat(segmenter.segments("منتظرت ماندم... شاید فردا بیایی. صبر کردم… و باز صبر کردم."))
			.containsExactly("منتظرت ماندم... شاید فردا بیایی.", "صبر کردم… و باز صبر کردم.");
	}

	@Test
	void neverBreaksAtZwnjInsideWords() {
		String text = "نامه‌ها را می‌خوانم. آن‌ها هفته‌ی پیش رسیدند.";

		assertThat(segmenter.segments(text)).containsExactly("نامه‌ها را می‌خوانم.", "آن‌ها هفته‌ی پیش رسیدند.");
		assertThat(String.join("", segmenter.segments(text)).chars().filter(c -> c == '\u200C').count()).isEqualTo(4);
	}

	@Test
	void keepsPersianAndArabicIndicDecimalsTogether() {
		assertThat(segmenter.segments("وزنش ۳٫۵ کیلو است. قیمت ۲.۵ میلیون شد. طول آن ٣.٥ متر بود. دمای 36.6 درجه."))
			.containsExactly("وزنش ۳٫۵ کیلو است.", "قیمت ۲.۵ میلیون شد.", "طول آن ٣.٥ متر بود.", "دمای 36.6 درجه.");
	}

	@Test
	void endsASentenceAtANumberFollowedByAFullStop() {
		assertThat(segmenter.segments("او در سال ۱۳۹۸. بعد به آلبانی رفت."))
			.containsExactly("او در سال ۱۳۹۸.", "بعد به آلبانی رفت.");
	}

	@Test
	void treatsParagraphAndLineBreaksAsBoundaries() {
		assertThat(segmenter.segments("مادر عزیزم،\r\nسلام\n\nحالم خوب است"))
			.containsExactly("مادر عزیزم،", "سلام", "حالم خوب است");
	}

	@Test
	void dropsEmptySegments() {
		assertThat(segmenter.segments(null)).isEmpty();
		assertThat(segmenter.segments("")).isEmpty();
		assertThat(segmenter.segments("  \n\n \t \n***\n")).isEmpty();
		assertThat(segmenter.segments("سلام.  \n\n\n  خداحافظ.  ")).containsExactly("سلام.", "خداحافظ.");
	}

	@Test
	void joinsAStrayClosingQuoteToItsSentence() {
		assertThat(segmenter.segments(line(29))).containsExactly(line(29));
	}

	private String line(int number) {
		return corpus.get(number).text();
	}

	private static void assertJoinsBackTo(List<String> segments, String text) {
		assertThat(String.join(" ", segments).replaceAll("\\s+", " ")).isEqualTo(text.strip().replaceAll("\\s+", " "));
	}

	/** One line of the NTREX-128 excerpt with its hand-counted sentences. */
	record CorpusLine(int number, int sentences, String text) {

		boolean endsWithStop() {
			return text.matches("(?s).*[.!؟?][»\"]?$");
		}

		static Map<Integer, CorpusLine> load() {
			try (InputStream in = SegmenterTests.class.getResourceAsStream("/org/kinlink/translation/ntrex128-fas-excerpt.tsv")) {
				List<CorpusLine> lines = new ArrayList<>();
				for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					if (!row.startsWith("#") && !row.isBlank()) {
						String[] cells = row.split("\t", 3);
						lines.add(new CorpusLine(Integer.parseInt(cells[0]), Integer.parseInt(cells[1]), cells[2]));
					}
				}
				return lines.stream().collect(Collectors.toMap(CorpusLine::number, Function.identity(), (a, b) -> a,
						java.util.TreeMap::new));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
