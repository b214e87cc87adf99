package org.kinlink.people.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue #5 items 8 and 9: normalisation in both scripts, romanisations as alternatives, and the scorer's judgement. */
class NameMatchingTests {

	private static final double THRESHOLD = PersonScorer.DEFAULT_THRESHOLD;

	@Test
	void bringsPersianSpellingsToOneForm() {
		assertThat(NameForms.tokens("محمد كريمي")).containsExactly("محمد", "کریمی"); // Arabic kaf and yeh
		assertThat(NameForms.tokens("امیر‌حسین")).containsExactly("امیرحسین"); // ZWNJ joins the compound
		assertThat(NameForms.tokens("مـحـمّـد")).containsExactly("محمد"); // tatweel and shadda
		assertThat(NameForms.tokens("عَلی")).containsExactly("علی"); // fatha
		assertThat(NameForms.tokens("فاطمة")).containsExactly("فاطمه"); // teh marbuta
		assertThat(NameForms.tokens("أحمد إبراهيم")).containsExactly("احمد", "ابراهیم"); // hamza on alef
	}

	@Test
	void bringsLatinSpellingsToOneForm() {
		assertThat(NameForms.tokens("Ja'far Mosaddegh-Ghaffari")).containsExactly("jafar", "mosaddegh", "ghaffari");
		assertThat(NameForms.tokens("Hoséin  Khâmene’i")).containsExactly("hosein", "khamenei");
		assertThat(NameForms.tokens("Ali محمدی")).containsExactly("ali", "محمدی");
		assertThat(NameForms.tokens("  -- ")).isEmpty();
	}

	@Test
	void keepsTheAmbiguitiesOfARomanisationAsAlternatives() {
		assertThat(Transliteration.pattern("محمود")).isEqualTo("m·h·m[u|ou|oo|o|v]d");
		assertThat(Transliteration.pattern("دهقانی")).isEqualTo("d·h·[gh|q]an[i|y|ee]");
		assertThat(Transliteration.pattern("فاطمه")).isEqualTo("fat·m[eh|e]");
		assertThat(Transliteration.pattern("Ali")).isEqualTo("ali");
	}

	@Test
	void theIssuesThreeSpellingsAreOneMan() {
		List<String> spellings = List.of("محمود دهقانی", "Mahmoud Dehghani", "Mahmud Dehqani");
		for (String a : spellings) {
			for (String b : spellings) {
				assertThat(NameSimilarity.compare(a, b).score()).as(a + " / " + b).isGreaterThanOrEqualTo(THRESHOLD);
			}
		}
	}

	@Test
	void mohammadAndMahmoudAreDifferentNamesInEveryScript() {
		assertThat(NameSimilarity.compare("Mohammad", "Mahmoud").score()).isLessThan(THRESHOLD);
		assertThat(NameSimilarity.compare("محمد", "محمود").score()).isLessThan(THRESHOLD);
		assertThat(NameSimilarity.compare("محمد", "Mahmoud").score()).isLessThan(THRESHOLD);
		assertThat(NameSimilarity.compare("محمود دهقانی", "Mohammad Dehghani").score()).isLessThan(THRESHOLD);
		assertThat(NameSimilarity.compare("Hassan Rouhani", "Hossein Rouhani").score()).isLessThan(THRESHOLD);
		assertThat(NameSimilarity.compare("مهدی", "مهدیه").score()).as("the feminine ending").isLessThan(THRESHOLD);
		assertThat(NameSimilarity.compare("Karim", "Karimi").score()).as("a given name and a family name").isLessThan(THRESHOLD);
	}

	@Test
	void compoundsMatchJoinedSpacedOrHyphenatedButNotWithAnotherHalf() {
		assertThat(NameSimilarity.compare("امیرحسین کریمی", "Amir Hossein Karimi").score()).isGreaterThanOrEqualTo(THRESHOLD);
		assertThat(NameSimilarity.compare("امیر حسین کریمی", "Amir-Hossein Karimi").score()).isGreaterThanOrEqualTo(THRESHOLD);
		assertThat(NameSimilarity.compare("امیرحسین کریمی", "Amir Hassan Karimi").score()).isLessThan(THRESHOLD);
	}

	@Test
	void theFamilyNameMayComeFirst() {
		assertThat(NameSimilarity.compare("Karimi Amirhossein", "امیرحسین کریمی").score()).isGreaterThanOrEqualTo(THRESHOLD);
	}

	@Test
	void aFathersNameOrABirthYearThatDisagreesLowersTheScoreAndSaysWhy() {
		var sought = new PersonScorer.Description(List.of("علی کریمی"), "حسن", 1985);
		var same = PersonScorer.score(sought, new PersonScorer.Description(List.of("Ali Karimi"), "Hassan", 1985));
		var otherFather = PersonScorer.score(sought, new PersonScorer.Description(List.of("Ali Karimi"), "Hossein", 1985));
		var otherYear = PersonScorer.score(sought, new PersonScorer.Description(List.of("Ali Karimi"), "Hassan", 1962));
		assertThat(same.value()).isGreaterThanOrEqualTo(THRESHOLD);
		assertThat(otherFather.value()).isLessThan(same.value());
		assertThat(otherYear.value()).isLessThan(THRESHOLD);
		assertThat(same.reasons()).extracting(PersonScorer.Reason::key)
			.containsExactly("people.match.part", "people.match.part", "people.match.father", "people.match.birthYear");
		assertThat(otherYear.reasons()).last().satisfies(r -> assertThat(r.arguments()).containsExactly(23));
	}

	@Test
	void nothingToCompareScoresNothing() {
		assertThat(NameSimilarity.compare("", "Ali").score()).isZero();
		assertThat(NameSimilarity.compare("123", "Ali").score()).isZero();
		assertThat(PersonScorer.score(new PersonScorer.Description(List.of(), null, null),
				new PersonScorer.Description(List.of("Ali"), null, null)).value()).isZero();
	}

}
