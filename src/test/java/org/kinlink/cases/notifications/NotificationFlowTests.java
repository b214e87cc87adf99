package org.kinlink.cases.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinlink.cases.NotificationEscalated;
import org.kinlink.cases.casefile.CasesTestSupport;
import org.kinlink.referrals.ReferralDispatched;
import org.kinlink.testsupport.TestSmtp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Departure notifications travel as referrals: the police letter in Albanian is approved by a second person,
 * mailed (GreenMail) as a packet with its digest, acknowledged, and the case follows each step; a missed
 * deadline is escalated once.
 */
@RecordApplicationEvents
class NotificationFlowTests extends CasesTestSupport {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestSmtp.setup())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	private static final ZoneId TIRANA = ZoneId.of("Europe/Tirane");

	@Autowired
	DeadlineEscalation escalation;

	@Autowired
	NotificationProgress progress;

	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void setUp() {
		staff("nf.arta", "south", "CASEWORKER");
		staff("nf.besa", "south", "SUPERVISOR");
		authorities();
	}

	@Test
	void thePoliceNotificationIsApprovedMailedAndAcknowledgedAndTheCaseFollows() throws Exception {
		UUID caseId = openCase("nf.arta", "Reza Moradi", "رضا مرادی");
		Map<String, Object> police = kind(caseId, "POLICE");
		UUID referralId = (UUID) police.get("referral_id");

		mvc.perform(post("/staff/referrals/{id}/approve", referralId).with(csrf()).with(as("lina", "LIAISON")))
			.andExpect(status().is3xxRedirection());
		byte[] packet = mvc.perform(get("/staff/referrals/{id}/packet", referralId).with(as("lina", "LIAISON")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = text(packet);
		String reference = jdbc.sql("select reference from cases.case_file where id = ?").param(caseId).query(String.class).single();
		assertThat(text).contains("Reza Moradi", "Manëz", "A cousin in Tirana", reference, "gusht 2024", "SHA-256",
				"Njoftim");
		assertThat(text).doesNotContain("{name_latin}");

		mvc.perform(post("/staff/referrals/{id}/dispatch", referralId).with(csrf()).with(as("lina", "LIAISON")))
			.andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(30)).until(() -> "DISPATCHED".equals(kind(caseId, "POLICE").get("state")));
		assertThat(kind(caseId, "POLICE").get("dispatched_at")).isNotNull();
		await().atMost(Duration.ofSeconds(30)).until(() -> mail.getReceivedMessages().length > 0);
		MimeMessage sent = mail.getReceivedMessages()[mail.getReceivedMessages().length - 1];
		assertThat(sent.getAllRecipients()[0].toString()).isEqualTo("policia@kinlink.test");
		assertThat(text(pdf(sent))).contains("Reza Moradi");

		LocalDate today = LocalDate.ofInstant(clock.instant(), TIRANA);
		mvc.perform(post("/staff/referrals/{id}/acknowledge", referralId).with(csrf()).with(as("lina", "LIAISON"))
			.param("theirReference", "PSH-2026/7").param("acknowledgedOn", today.toString()))
			.andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(30)).until(() -> "ACKNOWLEDGED".equals(kind(caseId, "POLICE").get("state")));
		assertThat(kind(caseId, "UN_BODY").get("state")).isEqualTo("DRAFTED");
		assertThat(audit(caseId)).contains("system case.notification.dispatched SUCCESS",
				"system case.notification.acknowledged SUCCESS");
	}

	@Test
	void aRepeatedOrForeignReferralEventChangesNothing() throws Exception {
		UUID caseId = openCase("nf.arta", "Nasrin Jafari", "نسرین جعفری");
		// The listener runs asynchronously (after commit in production): the test waits for its effect.
		progress.on(new ReferralDispatched(UUID.randomUUID()));
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
			.until(() -> notifications(caseId).stream().allMatch(n -> "DRAFTED".equals(n.get("state"))));

		UUID referralId = (UUID) kind(caseId, "UN_BODY").get("referral_id");
		progress.on(new ReferralDispatched(referralId));
		await().atMost(Duration.ofSeconds(10)).until(() -> kind(caseId, "UN_BODY").get("dispatched_at") != null);
		Object first = kind(caseId, "UN_BODY").get("dispatched_at");
		clock.advance(Duration.ofMinutes(5));
		progress.on(new ReferralDispatched(referralId));
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
			.until(() -> first.equals(kind(caseId, "UN_BODY").get("dispatched_at"))
					&& audit(caseId).stream().filter(a -> a.contains("case.notification.dispatched")).count() == 1);
	}

	@Test
	void aNotificationNotSentByItsDeadlineIsEscalatedOnce() throws Exception {
		UUID caseId = openCase("nf.arta", "Ali Sadeghi", "علی صادقی");
		escalation.escalate(clock.instant().plus(Duration.ofHours(23)));
		assertThat(kind(caseId, "POLICE").get("escalated_at")).isNull();

		clock.advance(Duration.ofHours(25));
		escalation.escalate(clock.instant());
		assertThat(kind(caseId, "POLICE").get("escalated_at")).isNotNull();
		assertThat(kind(caseId, "UN_BODY").get("escalated_at")).isNull();
		escalation.escalate(clock.instant().plus(Duration.ofMinutes(10)));

		UUID policeId = (UUID) kind(caseId, "POLICE").get("id");
		assertThat(events.stream(NotificationEscalated.class).filter(e -> e.notificationId().equals(policeId))).hasSize(1);
		assertThat(audit(caseId)).filteredOn(a -> a.equals("system case.notification.escalate SUCCESS")).hasSize(1);

		// The caseworker and the team's supervisor see it on their home page.
		mvc.perform(get("/staff/cases/home").with(as("nf.besa", "SUPERVISOR")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Escalated to supervisors")));
	}

	private Map<String, Object> kind(UUID caseId, String kind) {
		return notifications(caseId).stream().filter(n -> kind.equals(n.get("authority_kind"))).findFirst().orElseThrow();
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	private static byte[] pdf(Part part) throws Exception {
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				byte[] found = pdfOrNull(multipart.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
		}
		throw new AssertionError("no PDF attached");
	}

	private static byte[] pdfOrNull(Part part) throws Exception {
		if (part.isMimeType("application/pdf")) {
			try (InputStream in = part.getInputStream()) {
				return in.readAllBytes();
			}
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				byte[] found = pdfOrNull(multipart.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
