package org.kinlink.messages.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinlink.messages.Ntrex;
import org.kinlink.messages.vetting.VettingFlag.Kind;

/**
 * Vetting on real news sentences (NTREX-128, CC BY-SA 4.0, see {@link Ntrex}) and on the kinds of details a
 * family letter may hold.
 */
class VettingTests {

	static List<String> excerpts(String text, Kind kind) {
		return Vetting.flags(text).stream().filter(f -> f.kind() == kind).map(VettingFlag::excerpt).toList();
	}

	@Test
	void findsAPhoneNumberInPersianDigitsAndAHandleInPersianText() {
		assertThat(excerpts(Ntrex.PERSIAN_PHONE, Kind.PHONE)).containsExactly("۰۸۰۰۵۵۵۱۱۱");
		assertThat(excerpts(Ntrex.PERSIAN_PHONE, Kind.HANDLE)).containsExactly("@MerPolCC");
	}

	@Test
	void findsAPhoneNumberWrittenInGroupsInDari() {
		assertThat(excerpts(Ntrex.DARI_PHONE, Kind.PHONE)).containsExactly("111 555 0800");
	}

	@Test
	void findsAnEmailAddressAndNotItsDomainAgain() {
		assertThat(excerpts(Ntrex.PERSIAN_EMAIL, Kind.EMAIL)).containsExactly("jo@samaritans.org");
		assertThat(excerpts(Ntrex.PERSIAN_EMAIL, Kind.URL)).isEmpty();
		assertThat(excerpts(Ntrex.ENGLISH_PHONE_EMAIL, Kind.EMAIL)).containsExactly("jo@samaritans.org");
	}

	@Test
	void leavesShortNumbersTimesAndAgesAlone() {
		assertThat(excerpts(Ntrex.PERSIAN_STREET, Kind.PHONE)).isEmpty();
		assertThat(excerpts(Ntrex.ENGLISH_STREET, Kind.PHONE)).isEmpty();
		assertThat(excerpts(Ntrex.PERSIAN_TWO_STREETS, Kind.PHONE)).isEmpty();
	}

	@Test
	void findsAPersianStreet() {
		assertThat(excerpts(Ntrex.PERSIAN_STREET, Kind.ADDRESS)).singleElement().asString().startsWith("خیابان جان");
	}

	@Test
	void findsBothStreetsOfACrossing() {
		assertThat(excerpts(Ntrex.PERSIAN_TWO_STREETS, Kind.ADDRESS)).hasSize(2)
			.allMatch(excerpt -> excerpt.startsWith("خیابان"));
	}

	@Test
	void findsAnAlbanianStreet() {
		assertThat(excerpts(Ntrex.ALBANIAN_STREET, Kind.ADDRESS)).singleElement().asString().startsWith("Rrugën");
	}

	@Test
	void findsAnEnglishStreet() {
		assertThat(excerpts(Ntrex.ENGLISH_STREET, Kind.ADDRESS)).containsExactly("John Street");
	}

	@Test
	void leavesStreetsInGeneralAlone() {
		assertThat(Vetting.flags(Ntrex.PERSIAN_STREETS_PLURAL)).isEmpty();
		assertThat(Vetting.flags(Ntrex.ALBANIAN_ROADS)).isEmpty();
		assertThat(Vetting.flags(Ntrex.PERSIAN_PLAIN)).isEmpty();
		assertThat(Vetting.flags(Ntrex.PERSIAN_PLAIN_2)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "شماره من ۰۹۱۲-۳۴۵-۶۷۸۹ است", "شماره من ٠٩١٢٣٤٥٦٧٨٩ است", "call +98 21 8888 7777 now",
			"تلفن: (021) 8888-7777", "0098 912 345 6789" })
	void findsPhoneNumbersInAnyDigitsAndLayout(String text) {
		assertThat(excerpts(text, Kind.PHONE)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "در سال ۱۳۹۸-۱۴۰۰ آنجا بودیم", "on 2019-10-05 we met", "۲۵۰۰۰ نفر", "1,000,000 people" })
	void doesNotTakeDatesYearsOrAmountsForPhoneNumbers(String text) {
		assertThat(excerpts(text, Kind.PHONE)).isEmpty();
	}

	@Test
	void findsAFullPersianAddressPieceByPiece() {
		String text = "ما در تهران، خیابان آزادی، کوچه ۱۲، پلاک ۵ زندگی می‌کنیم.";
		assertThat(excerpts(text, Kind.ADDRESS)).containsExactly("خیابان آزادی", "کوچه ۱۲", "پلاک ۵ زندگی می\u200Cکنیم");
	}

	@Test
	void findsWebAddressesAndHandles() {
		String text = "کانال ما https://t.me/example_channel است، سایت www.example.ir و example.com را ببینید؛ اینستاگرام @maryam_1360";
		assertThat(excerpts(text, Kind.URL)).containsExactly("https://t.me/example_channel", "www.example.ir", "example.com");
		assertThat(excerpts(text, Kind.HANDLE)).containsExactly("@maryam_1360");
	}

	@Test
	void cutsTheTextIntoRunsThatGiveItBackUnchanged() {
		String text = Ntrex.PERSIAN_PHONE;
		List<VettingFlag> flags = Vetting.flags(text);
		List<TextPart> parts = Vetting.parts(text, flags);
		assertThat(parts.stream().map(TextPart::text).collect(Collectors.joining())).isEqualTo(text);
		assertThat(parts.stream().filter(TextPart::flagged).map(TextPart::text))
			.containsExactlyElementsOf(flags.stream().map(VettingFlag::excerpt).toList());
	}

	@Test
	void endsAddressesWhereTheirLastLabelEnds() {
		assertThat(excerpts("نامه به a.b@mail.example.com1 رسید", Kind.EMAIL)).containsExactly("a.b@mail.example.com");
		assertThat(excerpts("write to jo@example.org.", Kind.EMAIL)).containsExactly("jo@example.org");
		assertThat(excerpts("no address here: jo@localhost", Kind.EMAIL)).isEmpty();
		assertThat(excerpts("see shop.example.al/path?id=3 and example.common and a.com.evil", Kind.URL))
			.containsExactly("shop.example.al/path?id=3", "a.com");
	}

	/**
	 * Letters are written by anyone: long crafted runs must neither stall the reviewer's page (backtracking)
	 * nor crash it (a recursing pattern overflows the stack). The bound is far above the milliseconds these
	 * take; before the fix the first took a second and the second threw StackOverflowError.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "LETTERS@", "a@REPEAT_A_DOT1", "REPEAT_A_DOT!", "x@LETTERS1", "REPEAT_A_AT" })
	void vetsLongCraftedRunsQuicklyAndWithoutCrashing(String shape) {
		String text = shape.replace("LETTERS", "a".repeat(20_000))
			.replace("REPEAT_A_DOT", "a.".repeat(10_000))
			.replace("REPEAT_A_AT", "a@b".repeat(7_000));
		List<VettingFlag> flags = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
				() -> Vetting.flags(text));
		assertThat(Vetting.parts(text, flags).stream().map(TextPart::text).collect(Collectors.joining())).isEqualTo(text);
	}

	@Test
	void findsNothingInNothing() {
		assertThat(Vetting.flags(null)).isEmpty();
		assertThat(Vetting.flags("")).isEmpty();
		assertThat(Vetting.parts("", List.of())).isEmpty();
	}

}
