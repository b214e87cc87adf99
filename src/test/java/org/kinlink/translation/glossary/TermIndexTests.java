package org.kinlink.translation.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Terms found in Persian and Latin text through the normalisation: letter variants, ZWNJ and spaces, diacritics,
 * tatweel, word boundaries, offsets in the text as stored. Sentences from NTREX-128 (CC BY-SA 4.0,
 * github.com/MicrosoftTranslator/NTREX, newstest2019-ref.fas.txt, the line numbers given).
 */
class TermIndexTests {

	/** Line 495: written with Arabic kaf and yeh (اسكوپيه, كشورم) and heh with hamza (آیندۀ). */
	static final String LINE_495 = "«الیورا جورجيوفسكا 79 ساله که در اسكوپيه زندگی می‌کند گفت: «من امروز برای رای دادن به آیندۀ كشورم اینجا آمده‌ام، بخاطر جوانان مقدونیه تا بتوانند آزادانه زیر چتر اتحادیه اروپا زندگی كنند، زیرا زندگی همه ما امن‌تر خواهد شد.»";

	/** Line 1: ZWNJ followed by a space inside خیمه‌ شب بازی. */
	static final String LINE_1 = "اعضای مجلس ولز نگران هستند که «همانند عروسک خیمه‌ شب بازی» دیده شوند";

	static GlossaryTerm term(String term, String... renderings) {
		return new GlossaryTerm(UUID.randomUUID(), new LanguagePair("fa", "sq"), TermKind.PLACE, term, List.of(renderings),
				null, 0, "rita", null);
	}

	@Test
	void findsPersianTermsWrittenWithArabicLettersAtTheirPlaceInTheStoredText() {
		TermIndex index = TermIndex.of(List.of(term("اسکوپیه", "Shkup"), term("مقدونیه", "Maqedonia"),
				term("اتحادیه", "shoqata"), term("اتحادیه اروپا", "Bashkimi Evropian")));

		List<TermIndex.Found> found = index.find(LINE_495);

		assertThat(found).extracting(f -> LINE_495.substring(f.start(), f.end()))
			.containsExactly("اسكوپيه", "مقدونیه", "اتحادیه اروپا");
		assertThat(found.get(2).term().renderings()).containsExactly("Bashkimi Evropian");
	}

	@Test
	void readsZwnjSpacesAndClosedCompoundsAlike() {
		TermIndex index = TermIndex.of(List.of(term("خیمه شب بازی", "teatër kukullash"), term("امیر حسین", "Amirhossein")));

		assertThat(index.find(LINE_1)).extracting(f -> LINE_1.substring(f.start(), f.end())).containsExactly("خیمه‌ شب بازی");
		assertThat(index.find("عروسک خیمه شب‌بازی")).hasSize(1);
		assertThat(index.find("سلام امیرحسین جان")).hasSize(1);
		assertThat(index.find("سلام امیر‌حسین جان")).hasSize(1);
		assertThat(index.find("سلام امیر  حسین جان")).hasSize(1);
	}

	@Test
	void ignoresDiacriticsAndTatweel() {
		TermIndex index = TermIndex.of(List.of(term("تهران", "Teheran")));

		String text = "در تهـــران و تَهْران";
		List<TermIndex.Found> found = index.find(text);

		assertThat(found).extracting(f -> text.substring(f.start(), f.end())).containsExactly("تهـــران", "تَهْران");
	}

	@Test
	void matchesWholeWordsOnly() {
		TermIndex index = TermIndex.of(List.of(term("ایران", "Iran"), term("Palu", "Palu")));

		assertThat(index.find("مردم ایرانی و نایرانی")).isEmpty();
		assertThat(index.find("شهرهای ایران‌")).hasSize(1);
		assertThat(index.find("ایران‌ها")).as("a suffix joined by ZWNJ is an ending of the term").hasSize(1);
		assertThat(index.find("در ایران.")).hasSize(1);
		assertThat(index.find("Paluan PALU, palu")).hasSize(2);
	}

	@Test
	void findsNothingWithoutTermsOrText() {
		assertThat(TermIndex.of(List.of()).find(LINE_1)).isEmpty();
		assertThat(TermIndex.of(List.of(term("تهران", "Teheran"))).find("")).isEmpty();
		assertThat(TermIndex.of(List.of(term("تهران", "Teheran"))).find(null)).isEmpty();
	}

	@Test
	void keysCloseCompoundsSoThatBothSpellingsAreOneTerm() {
		assertThat(MatchText.key("امیر حسین")).isEqualTo(MatchText.key("امیرحسین")).isEqualTo(MatchText.key("امير‌حسين"));
		assertThat(MatchText.key("Bashkimi  Evropian")).isEqualTo("bashkimi evropian");
		assertThat(MatchText.key("Shkodër")).isEqualTo("shkoder");
	}

	@Test
	void readsRenderingsInInflectedAlbanian() {
		assertThat(Renderings.usedIn("për të rinjtë e Maqedonisë, nën ombrellën e Bashkimit Evropian",
				List.of("Maqedonia"))).isTrue();
		assertThat(Renderings.usedIn("nën ombrellën e Bashkimit Evropian", List.of("Bashkimi Evropian"))).isTrue();
		assertThat(Renderings.usedIn("u shpreh në Shkup.", List.of("Shkupi", "Shkup"))).isTrue();
		assertThat(Renderings.usedIn("në Tiranë dhe Tiranës", List.of("Tirana"))).isTrue();
		assertThat(Renderings.usedIn("nën ombrellën e BE-së", List.of("Bashkimi Evropian"))).isFalse();
		assertThat(Renderings.usedIn("Shkupinjtë e shumtë", List.of("Shkup"))).isFalse();
		assertThat(Renderings.usedIn("përpara Asamblesë së Përgjithshme të Kombeve të Bashkuara.", List.of("Kombet e Bashkuara")))
			.isTrue();
		assertThat(Renderings.usedIn("në Shkodër", List.of("Shkup"))).isFalse();
		assertThat(Renderings.usedIn("in Iraq", List.of("Iran"))).isFalse();
	}

}
