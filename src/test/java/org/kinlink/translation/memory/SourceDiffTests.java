package org.kinlink.translation.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kinlink.translation.tasks.Suggestion.DiffPart;
import org.kinlink.translation.tasks.Suggestion.DiffPart.Change;

class SourceDiffTests {

	@Test
	void aReplacedWordIsDeletedFromTheMemorysSourceAndInsertedFromTheSegments() {
		List<DiffPart> parts = SourceDiff.between("ارتفاع موجها تا ۲۰ فوت رسیده است.", "ارتفاع موجها تا ۳۰ فوت رسیده است.");
		assertThat(parts).containsExactly(new DiffPart("ارتفاع موجها تا ", Change.SAME), new DiffPart("۲۰", Change.DELETED),
				new DiffPart("۳۰", Change.INSERTED), new DiffPart(" فوت رسیده است.", Change.SAME));
	}

	@Test
	void digitsAndArabicLettersWrittenOtherwiseAreNoDifference() {
		List<DiffPart> parts = SourceDiff.between("در سال ۱۴۰۳ آمد", "در سال 1403 آمد");
		assertThat(parts).containsExactly(new DiffPart("در سال ۱۴۰۳ آمد", Change.SAME));
	}

	@Test
	void anAddedWordIsInserted() {
		List<DiffPart> parts = SourceDiff.between("Nëna ime e dashur.", "Nëna ime shumë e dashur.");
		assertThat(parts).extracting(DiffPart::change).contains(Change.INSERTED).doesNotContain(Change.DELETED);
		assertThat(parts).filteredOn(p -> p.change() == Change.INSERTED).extracting(DiffPart::text)
			.allMatch(text -> text.contains("shumë"));
	}

}
