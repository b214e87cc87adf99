package org.kinlink.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptLanguageTests {

	@Test
	void picksTheFirstLanguageKinlinkSpeaks() {
		assertThat(AcceptLanguage.firstSupported("de-DE,fa-IR;q=0.9,en;q=0.8")).isEqualTo(Languages.PERSIAN);
		assertThat(AcceptLanguage.firstSupported("sq-AL,en;q=0.5")).isEqualTo(Languages.ALBANIAN);
	}

	@Test
	void fallsBackToEnglishForMissingUnknownOrMalformedHeaders() {
		assertThat(AcceptLanguage.firstSupported(null)).isEqualTo(Languages.ENGLISH);
		assertThat(AcceptLanguage.firstSupported("de,fr")).isEqualTo(Languages.ENGLISH);
		assertThat(AcceptLanguage.firstSupported(";;;q=abc,,")).isEqualTo(Languages.ENGLISH);
		assertThat(AcceptLanguage.firstSupported("x".repeat(2000))).isEqualTo(Languages.ENGLISH);
	}

}
