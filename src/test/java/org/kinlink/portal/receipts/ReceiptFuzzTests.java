package org.kinlink.portal.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The receipt parser takes whatever a family types (or a client sends): it never throws, accepts only 20
 * digits in any script once spaces and dashes are gone, and what it accepts reads back the same. The corpus
 * (ReceiptFuzzTestsInputs) replays in every build; JAZZER_FUZZ=1 fuzzes (docs/security.md).
 */
class ReceiptFuzzTests {

	@FuzzTest(maxDuration = "30s")
	void parsesAnyInputSafely(FuzzedDataProvider data) {
		String input = data.consumeRemainingAsString();
		Optional<Receipt> receipt = Receipt.parse(input);
		receipt.ifPresent(parsed -> {
			assertThat(parsed.digits()).matches("[0-9]{20}");
			assertThat(Receipt.parse(String.join(" ", parsed.groups()))).contains(parsed);
			assertThat(input.codePoints().filter(Character::isDigit).count()).isEqualTo(Receipt.LENGTH);
		});
	}

}
