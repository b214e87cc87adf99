package org.kinlink.people.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The name normaliser and the scorer take names typed by families and staff in any script: they never throw,
 * normalising is stable (tokens of the joined tokens are the same tokens), and a score lies between 0 and 1,
 * with a name always matching itself.
 */
class NameFormsFuzzTests {

	@FuzzTest(maxDuration = "30s")
	void normalisesAndScoresAnyName(FuzzedDataProvider data) {
		String a = data.consumeString(200);
		String b = data.consumeRemainingAsString();
		List<String> tokens = NameForms.tokens(a);
		assertThat(tokens).allSatisfy(token -> assertThat(token).isNotBlank());
		assertThat(NameForms.tokens(String.join(" ", tokens))).isEqualTo(tokens);
		double score = NameSimilarity.compare(a, b).score();
		assertThat(score).isBetween(0.0, 1.0);
		if (!tokens.isEmpty()) {
			assertThat(NameSimilarity.compare(a, a).score()).isGreaterThan(0.99);
		}
	}

}
