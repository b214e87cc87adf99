package org.kinlink.translation.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryTextTests {

	@Test
	void arabicLettersDigitsZwnjAndSpacesAreOneForm() {
		String typed = "  كتاب‌ها   را در ۱۴۰۳ گرفتم ";
		String other = "کتاب ها را در 1403 گرفتم";
		assertThat(MemoryText.normalize(typed)).isEqualTo(MemoryText.normalize(other));
		assertThat(MemoryText.normalize("عَلی")).isEqualTo(MemoryText.normalize("علی"));
		assertThat(MemoryText.normalize("مــادر")).isEqualTo("مادر");
		assertThat(MemoryText.normalize("Nënë E DASHUR")).isEqualTo("nënë e dashur");
	}

	@Test
	void wordsLeavePunctuationOut() {
		assertThat(MemoryText.words("سلام، مادر عزیزم! (۲۰ فوت)")).containsExactly("سلام", "مادر", "عزیزم", "20", "فوت");
		assertThat(MemoryText.words("«...»")).isEmpty();
	}

	@Test
	void piecesJoinBackToTheText() {
		String text = "ارتفاع موج‌ها تا ۲۰ فوت (۶ متر) رسیده است.";
		assertThat(String.join("", MemoryText.pieces(text))).isEqualTo(text);
		assertThat(MemoryText.pieces(text)).contains("موج‌ها", "(", "۶");
	}

}
