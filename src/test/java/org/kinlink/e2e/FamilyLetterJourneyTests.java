package org.kinlink.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinlink.shared.text.PersianText;
import org.kinlink.testsupport.web.StaffAccounts;
import org.kinlink.testsupport.web.WebClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * The whole path of issue #2 through real HTTP on a real PostgreSQL and a real SMTP server: a mother writes in
 * Persian on the portal, intake accepts, a translator translates into Albanian, a reviewer approves, the liaison
 * refers it to the police (a second person approves), the packet goes out by e-mail, the police acknowledge,
 * and the family sees every step with its receipt, in Persian, never seeing its own letter again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kinlink.test.context=journey")
class FamilyLetterJourneyTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(org.kinlink.testsupport.TestSmtp.setup());

	private static final Locale FA = Locale.forLanguageTag("fa");

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Test
	void aLetterTravelsFromTheFamilyToThePoliceAndTheFamilySeesEveryStep() throws Exception {
		StaffAccounts staff = new StaffAccounts(port);
		WebClient admin = staff.setUpAdministrator();
		WebClient intake = staff.colleague(admin, "ilir.intake", "fa", "INTAKE");
		WebClient translator = staff.colleague(admin, "tana.translator", "sq", "TRANSLATOR");
		WebClient reviewer = staff.colleague(admin, "rea.reviewer", "en", "REVIEWER", "LIAISON");
		WebClient liaison = staff.colleague(admin, "lena.liaison", "sq", "LIAISON");

		// The family writes in Persian, JavaScript or not: a plain form.
		WebClient family = new WebClient(port, "fa-IR,fa;q=0.9");
		Document form = family.get("/");
		assertThat(form.selectFirst("html").attr("dir")).isEqualTo("rtl");
		String letter = Corpus.persianLetter();
		Document receiptPage = family.submit("form[action^='/portal/letters']", Map.of(
				"senderNamePersian", "مریم رضایی", "senderNameLatin", "Maryam Rezaei", "relationship", "مادر",
				"addresseeNamePersian", "علی رضایی", "addresseeNameLatin", "Ali Rezaei", "addresseeFatherName", "حسن",
				"addresseeBirthYear", "1985", "addresseeDetails", "قد بلند، چشمان قهوه‌ای", "text", letter, "language", "fa"));
		String shownReceipt = receiptPage.select("#receipt span").text();
		assertThat(shownReceipt).matches("[۰-۹ ]+");
		String receipt = PersianText.latinDigits(shownReceipt).replaceAll("\\D", "");
		assertThat(receipt).hasSize(20);
		assertThat(receiptPage.location()).doesNotContain(receipt);

		assertThat(familyStatus(family, shownReceipt)).contains(text("portal.status.received"));

		// Intake: inbox, open the letter, create the person from the letter's names, accept.
		Document inbox = intake.get("/staff/messages");
		Element link = inbox.selectFirst("a[href^='/staff/messages/']");
		assertThat(link).isNotNull();
		String messagePath = link.attr("href");
		Document message = intake.get(messagePath);
		assertThat(message.text()).contains(letter.substring(0, 40));
		intake.submit("form[action$='/person/new']", Map.of("notADuplicate", "true")); // a namesake of another test may exist
		Document accepted = intake.submit("form[action$='/accept']");
		assertThat(accepted.select(".alert-danger")).isEmpty();

		// Translator (in Albanian): takes the Albanian task once the listener has created it, translates, submits.
		String languagePair = messages.getMessage("translation.languagePair",
				new Object[] { text("translation.language.fa", "sq"), text("translation.language.sq", "sq") }, Locale.forLanguageTag("sq"));
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
			.until(() -> translator.get("/staff/translations").select("tr.open-task").stream()
				.anyMatch(row -> row.text().contains(languagePair)));
		Element task = translator.page().select("tr.open-task").stream().filter(row -> row.text().contains(languagePair)).findFirst().orElseThrow();
		Document editor = translator.submit("tr.open-task:contains(" + languagePair + ") form");
		if (editor.select("textarea[name^=targets]").isEmpty()) {
			editor = translator.get(translator.page().select("tr.my-task a").first().attr("href"));
		}
		Map<String, String> targets = new LinkedHashMap<>();
		List<String> albanian = Corpus.albanian();
		for (Element area : editor.select("textarea[name^=targets]")) {
			int index = Integer.parseInt(area.attr("name").replaceAll("\\D", ""));
			targets.put(area.attr("name"), albanian.get(index % albanian.size()));
		}
		targets.put("submitForReview", "");
		String editorPath = java.net.URI.create(editor.location()).getPath();
		Document submitted = translator.submit("form[action='" + editorPath + "']", targets);
		if (!submitted.select("button[name=submitAnyway]").isEmpty()) {
			targets.remove("submitForReview");
			targets.put("submitAnyway", "");
			translator.submit("form[action='" + editorPath + "']", targets);
		}
		assertThat(task).isNotNull();

		// Reviewer (in English): reviewed, then approved. Never the translator.
		reviewer.get(editorPath);
		reviewer.submit("form[action$='/reviewed']");
		Document approved = reviewer.submit("form[action$='/approve']");
		assertThat(approved.select(".alert-danger")).isEmpty();

		// Liaison (in Albanian): the police in the directory, a referral, approved by a second person, e-mailed.
		liaison.get("/staff/authorities/new");
		liaison.submit("form[action='/staff/authorities']", Map.of("name", "Policia e Shtetit, Drejtoria e Tiranës", "kind", "POLICE",
				"language", "sq", "postalAddress", "Rruga e Durrësit, Tiranë", "email", "policia@example.test",
				"acknowledgementDays", "14"));
		Document newReferral = liaison.get("/staff/referrals/new");
		String authorityId = newReferral.select("select[name=authorityId] option[value!='']").first().val();
		String messageId = newReferral.select("input[name=messageIds]").first().val();
		Document draft = liaison.submit("form[action='/staff/referrals']", Map.of("authorityId", authorityId), "messageIds", messageId);
		String referralPath = java.net.URI.create(draft.location()).getPath();
		assertThat(draft.select("form[action$='/approve']")).as("the creator cannot approve a police referral").isEmpty();
		reviewer.get(referralPath);
		reviewer.submit("form[action$='/approve']");
		liaison.get(referralPath);
		liaison.submit("form[action$='/dispatch']");

		assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage sent = mail.getReceivedMessages()[0];
		assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("policia@example.test");
		byte[] pdf = pdfAttachment(sent);
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
		assertThat(liaison.get(referralPath).text()).contains(digest);

		String today = messages.getMessage("portal.status.sentToAuthorities", new Object[] { "X", "X" }, FA);
		assertThat(familyStatus(family, shownReceipt)).contains(today.substring(0, today.indexOf('X')).strip());

		// The police acknowledge; the family sees it, in Persian, with Jalali dates.
		liaison.submit("form[action$='/acknowledge']", Map.of("theirReference", "PT-2026/4471", "acknowledgedOn",
				LocalDate.now().toString()));
		String acknowledged = messages.getMessage("portal.status.acknowledged", new Object[] { "X", "X" }, FA);
		String familyView = familyStatus(family, shownReceipt);
		assertThat(familyView).contains(acknowledged.substring(0, acknowledged.indexOf('X')).strip());
		assertThat(familyView).doesNotContain(letter.substring(0, 40)).doesNotContain("Maryam");
	}

	private String familyStatus(WebClient family, String receipt) {
		family.get("/portal/status");
		return family.submit("form[action='/portal/status']", Map.of("receipt", receipt)).text();
	}

	private String text(String key) {
		return messages.getMessage(key, null, FA);
	}

	private String text(String key, String language) {
		return messages.getMessage(key, null, Locale.forLanguageTag(language));
	}

	private static byte[] pdfAttachment(MimeMessage message) throws Exception {
		Multipart multipart = (Multipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContentType().toLowerCase(Locale.ROOT).contains("pdf")) {
				return part.getInputStream().readAllBytes();
			}
		}
		throw new AssertionError("no PDF attached");
	}

}
