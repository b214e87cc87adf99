package org.kinlink.portal.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Receipts as families type them: any digits, spaces and dashes; anything else is not a receipt. */
class ReceiptTests {

	@ParameterizedTest
	@ValueSource(strings = { "12345678901234567890", "1234 5678 9012 3456 7890", "1234-5678-9012-3456-7890",
			"۱۲۳۴ ۵۶۷۸ ۹۰۱۲ ۳۴۵۶ ۷۸۹۰", "١٢٣٤-٥٦٧٨-٩٠١٢-٣٤٥٦-٧٨٩٠", " 1234\u00A05678\t9012–3456—7890 ", "۱۲۳۴5678٩٠١٢3456۷۸۹۰" })
	void readsTheSameReceiptFromEveryWayOfTypingIt(String typed) {
		assertThat(Receipt.parse(typed)).hasValueSatisfying(r -> assertThat(r.digits()).isEqualTo("12345678901234567890"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1234", "1234567890123456789", "123456789012345678901", "1234567890123456789a",
			"12345678901234567890x", "1234.5678.9012.3456.7890", "12345678901234567890\u202E" })
	void refusesWhatIsNotTwentyDigits(String typed) {
		assertThat(Receipt.parse(typed)).isEmpty();
	}

	@Test
	void refusesNothingAndOverlongInputWithoutLookingAtIt() {
		assertThat(Receipt.parse(null)).isEmpty();
		assertThat(Receipt.parse("1".repeat(20) + " ".repeat(100))).isEmpty();
	}

	@Test
	void generatesTwentyDigitsInFiveGroupsOfFour() {
		Receipt receipt = Receipt.generate(new SecureRandom());
		assertThat(receipt.digits()).matches("\\d{20}");
		assertThat(receipt.groups()).hasSize(5).allMatch(g -> g.matches("\\d{4}"));
		assertThat(String.join("", receipt.groups())).isEqualTo(receipt.digits());
	}

	@Test
	void neverShowsItsDigitsInLogs() {
		Receipt receipt = Receipt.generate(new SecureRandom());
		assertThat(receipt.toString()).doesNotContain(receipt.digits().substring(0, 4));
		assertThat(new IssuedReceipt(receipt, "$argon2id$x").toString()).doesNotContain(receipt.digits().substring(0, 4));
	}

}
