package org.kinlink.media.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Tesseract's TSV becomes lines with the union of their words' boxes and their mean confidence. */
class TsvLinesTests {

	private static final String TSV = """
			level	page_num	block_num	par_num	line_num	word_num	left	top	width	height	conf	text
			1	1	0	0	0	0	0	0	800	600	-1\t
			4	1	1	1	1	0	100	50	600	40	-1\t
			5	1	1	1	1	1	500	50	200	40	96.5	سلام
			5	1	1	1	1	2	300	55	150	35	83.5	مادر
			5	1	1	1	2	1	400	120	300	42	90	عزیزم
			5	1	1	1	2	2	380	120	10	42	12\t\s
			5	1	2	1	1	1	100	300	80	30	70	Tirana
			garbage row
			5	1	2	1	1	2	x	300	80	30	70	broken
			""";

	@Test
	void groupsWordsIntoLinesWithBoxesAndConfidence() {
		List<OcrLine> lines = TsvLines.parse(TSV);

		assertThat(lines).hasSize(3);
		assertThat(lines.get(0).text()).isEqualTo("سلام مادر");
		assertThat(lines.get(0)).extracting(OcrLine::x, OcrLine::y, OcrLine::width, OcrLine::height).containsExactly(300, 50, 400, 40);
		assertThat(lines.get(0).confidence()).isEqualTo(90f);
		assertThat(lines.get(1).text()).isEqualTo("عزیزم");
		assertThat(lines.get(2).text()).isEqualTo("Tirana");
		assertThat(TsvLines.text(lines)).isEqualTo("سلام مادر\nعزیزم\nTirana");
	}

	@Test
	void readsNothingFromAnEmptyOrHeaderOnlyAnswer() {
		assertThat(TsvLines.parse("")).isEmpty();
		assertThat(TsvLines.parse(TSV.lines().findFirst().orElseThrow())).isEmpty();
		assertThat(TsvLines.meanConfidence(List.of())).isZero();
	}

}
