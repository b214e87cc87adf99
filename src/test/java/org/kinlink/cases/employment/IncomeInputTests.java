package org.kinlink.cases.employment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncomeInputTests {

	@Test
	void wholeEurosInAnyDigitsAndGroupingAreRead() {
		assertThat(IncomeInput.parse("450")).isEqualTo(450);
		assertThat(IncomeInput.parse(" 0 ")).isZero();
		assertThat(IncomeInput.parse("1,200")).isEqualTo(1200);
		assertThat(IncomeInput.parse("1 200")).isEqualTo(1200);
		assertThat(IncomeInput.parse("۱٬۲۰۰")).isEqualTo(1200);
		assertThat(IncomeInput.parse("٤٥٠")).isEqualTo(450);
		assertThat(IncomeInput.parse("1000000")).isEqualTo(1_000_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "-5", "+5", "450.50", "450,5", "1000001", "99999999", "12,34,567", "4 5", "1e3" })
	void anythingElseIsRefused(String text) {
		assertThat(IncomeInput.parse(text)).isNull();
	}

}
