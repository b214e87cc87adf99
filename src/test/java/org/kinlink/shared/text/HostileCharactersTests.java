package org.kinlink.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A catalogue of hostile strings (Trojan Source and friends): each refused; ordinary Persian and Albanian pass. */
class HostileCharactersTests {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	record Name(@SafeText(max = 20) String value) {
	}

	record Letter(@SafeText(max = 200, multiline = true) String value) {
	}

	@ParameterizedTest
	@ValueSource(strings = { "Ali\u202Eila", "\u2066Reza\u2069", "Sa\u200Bra", "Mina\u200F", "Arta\u061C", "\uFEFFDrita",
			"Ze\u00ADnab", "Ho\u0000ssein", "Esi\u001Bt", "A\uE000B", "tag\uDB40\uDC01", "Lin\nBreak" })
	void refusesHiddenOrDirectionChangingCharactersInNames(String hostile) {
		assertThat(HostileCharacters.firstIn(hostile, false)).isPresent();
		assertThat(validator.validate(new Name(hostile))).extracting(ConstraintViolation::getMessageTemplate)
			.containsExactly("{text.hiddenCharacters}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0645\u06CC\u200C\u0631\u0648\u0645", "Ardita Çela", "\u0632\u0647\u0631\u0627 \u0627\u062D\u0645\u062F\u06CC", "O'Brien-Hoxha" })
	void acceptsOrdinaryPersianAndAlbanianNames(String name) {
		assertThat(validator.validate(new Name(name))).isEmpty();
	}

	@Test
	void allowsLineBreaksOnlyInMultilineText() {
		assertThat(validator.validate(new Letter("line one\nline two\ttabbed"))).isEmpty();
	}

	@Test
	void countsLengthInCharactersAsPeopleCountThem() {
		String twentyPersian = "\u0628".repeat(20);
		assertThat(validator.validate(new Name(twentyPersian))).isEmpty();
		Set<ConstraintViolation<Name>> tooLong = validator.validate(new Name(twentyPersian + "\u0628"));
		assertThat(tooLong).extracting(ConstraintViolation::getMessageTemplate).containsExactly("{text.tooLong}");
	}

}
