package org.kinlink.translation.qa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Brackets and quotes in Persian, Albanian and English. Sentences from NTREX-128 (CC BY-SA 4.0,
 * github.com/MicrosoftTranslator/NTREX, newstest2019-ref.fas.txt and .sqi.txt, line numbers given).
 */
class BracketsTests {

	/** Line 523: Persian «» in the source, ASCII quotes in the Albanian. */
	static final String LINE_523 = "پپ گواردیولا، مدير تیم سیتی به خبرنگاران گفت:«آگوئرو با مشکلات خاصی در پاهای خود درگير است.»";

	static final String LINE_523_SQ = "\"Aguero po vuan nga një problem me këmbët\", u shpreh për gazetarët menaxheri i City, Pep Guardiola.";

	/** Line 495: the source opens two quotes and closes one. */
	static final String LINE_495 = "«الیورا جورجيوفسكا 79 ساله که در اسكوپيه زندگی می‌کند گفت: «من امروز برای رای دادن به آیندۀ كشورم اینجا آمده‌ام.»";

	@Test
	void acceptsQuotesOfAnotherLanguageBalancedLikeTheSource() {
		assertThat(Brackets.unbalanced(LINE_523, LINE_523_SQ)).isEmpty();
		assertThat(Brackets.unbalanced(LINE_523, "„Aguero po vuan nga një problem me këmbët“, u shpreh Guardiola.")).isEmpty();
		assertThat(Brackets.unbalanced(LINE_523, "«Aguero po vuan nga një problem me këmbët», tha Guardiola.")).isEmpty();
		assertThat(Brackets.unbalanced(LINE_523, "“Aguero has a problem with his feet,” Guardiola said.")).isEmpty();
	}

	@Test
	void flagsAQuoteOrBracketLeftOpen() {
		assertThat(Brackets.unbalanced(LINE_523, "\"Aguero po vuan nga një problem me këmbët, u shpreh Guardiola.")).isEqualTo("\"");
		assertThat(Brackets.unbalanced(LINE_523, "„Aguero po vuan nga një problem me këmbët, u shpreh Guardiola.")).isEqualTo("„");
		assertThat(Brackets.unbalanced("ارتفاع موجها تا ۲۰ فوت (۶ متر)رسیده است.", "Dallgët arritën 20 këmbë (6 metra."))
			.isEqualTo("( )");
		assertThat(Brackets.unbalanced("ارتفاع موجها تا ۲۰ فوت (۶ متر)رسیده است.", "Dallgët arritën 20 këmbë 6 metra)."))
			.isEqualTo("( )");
	}

	@Test
	void acceptsABalancedTargetOfASloppySourceAndAQuoteThatSpansSentences() {
		assertThat(Brackets.unbalanced(LINE_495, "\"Kam ardhur sot për të votuar\", u shpreh Olivera Georgijevska.")).isEmpty();
		assertThat(Brackets.unbalanced("او گفت: «ما آمدیم.", "Ai tha: „Ne erdhëm.")).isEmpty();
		assertThat(Brackets.unbalanced("او گفت: «ما آمدیم.", "Ai tha: „Ne erdhëm.“ (")).isEqualTo("( )");
	}

	@Test
	void takesApostrophesForWhatTheyAre() {
		assertThat(Brackets.unbalanced("او نمی‌داند.", "Ai s'ka dijeni, it's the students' view.")).isEmpty();
		assertThat(Brackets.unbalanced("او نمی‌داند.", "He doesn’t know the members’ plans.")).isEmpty();
		assertThat(Brackets.unbalanced("او گفت «نه».", "He said ‘no’.")).isEmpty();
		assertThat(Brackets.unbalanced("او گفت «نه».", "He said 'no.")).isEqualTo("'");
	}

}
