package org.kinlink.translation.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which sentences may go to an engine: none with a phone number, an e-mail or web address, a handle or a street address. */
class SegmentGuardTests {

	@Test
	void aPlainSentenceMayLeave() {
		assertThat(SegmentGuard.mayLeave("ارتفاع موجها تا ۲۰ فوت (۶ متر)رسیده است.")).isTrue();
		assertThat(SegmentGuard.mayLeave("The waves reached up to 20 feet (6 meters).")).isTrue();
	}

	@Test
	void aPhoneNumberInPersianDigitsIsWithheld() {
		assertThat(SegmentGuard.withheld("با این شماره تماس بگیرید: ۰۹۱۲ ۳۴۵ ۶۷۸۹"))
			.isEqualTo(SegmentGuard.Reason.CONTACT_DETAILS);
	}

	@Test
	void anAddressIsWithheldInPersianAlbanianAndEnglish() {
		assertThat(SegmentGuard.mayLeave("او اکنون در خیابان آزادی کوچه سوم زندگی می‌کند.")).isFalse();
		assertThat(SegmentGuard.mayLeave("Ai jeton në Rruga Myslym Shyri, Tiranë.")).isFalse();
		assertThat(SegmentGuard.mayLeave("She lives at 12 Baker Street now.")).isFalse();
	}

	@Test
	void eMailAndHandlesAreWithheld() {
		assertThat(SegmentGuard.mayLeave("به ali.ahmadi@example.org بنویسید.")).isFalse();
		assertThat(SegmentGuard.mayLeave("در تلگرام: @ali_ahmadi90")).isFalse();
	}

	@Test
	void blankSentencesAreNotSent() {
		assertThat(SegmentGuard.withheld("  ")).isEqualTo(SegmentGuard.Reason.EMPTY);
		assertThat(SegmentGuard.sendable(List.of("سلام.", "", "شماره من ۰۹۱۲۳۴۵۶۷۸۹ است.", "خداحافظ."))).containsExactly(0, 3);
	}

	@Test
	void anAnswerWithHiddenCharactersOrNothingInItIsNoSuggestion() {
		assertThat(MachineSuggestions.clean("  Përshëndetje. ")).isEqualTo("Përshëndetje.");
		assertThat(MachineSuggestions.clean("Për\u202eshëndetje")).isNull();
		assertThat(MachineSuggestions.clean("   ")).isNull();
		assertThat(MachineSuggestions.clean("a".repeat(5_001))).isNull();
	}

}
