package org.kinlink.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.FamilyView;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.MessageStatus;
import org.kinlink.referrals.directory.AuthorityDirectory;
import org.kinlink.referrals.packet.Digests;
import org.kinlink.referrals.workflow.Referral;
import org.kinlink.referrals.workflow.ReferralService;
import org.kinlink.referrals.workflow.ReferralState;
import org.kinlink.translation.Translations;
import org.kinlink.translation.tasks.TaskFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A family's letter from receipt to the authority's acknowledgement through the real messages, translation
 * and referrals modules and their pages: intake accepts, a translator and a reviewer approve the Albanian
 * translation, liaison refers it to the police (a second person approves, S14), the packet is mailed through
 * a real SMTP server (GreenMail), and the family's view follows each step. The letter is line 12 of NTREX-128
 * newstest2019 (CC BY-SA 4.0, see {@link UpstreamFakes}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReferralFlowTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(org.kinlink.testsupport.TestSmtp.setup())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	FamilyMessages messages;

	@Autowired
	Translations translations;

	@Autowired
	ReferralService referrals;

	@Autowired
	AuthorityDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLetterTravelsToThePoliceAndTheFamilySeesItAcknowledged() throws Exception {
		UUID messageId = messages.receive(new LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر", "علی احمدی", "Ali Ahmadi",
				"حسن", 1985, null, UpstreamFakes.PERSIAN, "fa"));
		acceptAtIntake(messageId);
		approveAlbanianTranslation(messageId);
		assertThat(messages.summary(messageId).status()).isEqualTo(MessageStatus.APPROVED);
		assertThat(translations.messagesWithApprovedTranslation()).contains(messageId);

		UUID authority = policeAuthority();
		UUID referralId = createReferral(authority, messageId);
		mvc.perform(post("/staff/referrals/{id}/approve", referralId).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/staff/referrals/{id}/approve", referralId).with(csrf()).with(user("rita").roles("REVIEWER")))
			.andExpect(status().is3xxRedirection());
		Referral approved = referrals.get(referralId);
		assertThat(approved.state()).isEqualTo(ReferralState.APPROVED);

		byte[] packet = mvc.perform(get("/staff/referrals/{id}/packet", referralId).with(user("lina").roles("LIAISON")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text;
		try (PDDocument document = Loader.loadPDF(packet)) {
			text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
		assertThat(text).contains(UpstreamFakes.PERSIAN, UpstreamFakes.ALBANIAN.replaceAll("\\s+", " "), approved.reference(),
				messages.summary(messageId).reference());

		mvc.perform(post("/staff/referrals/{id}/dispatch", referralId).with(csrf()).with(user("lina").roles("LIAISON")))
			.andExpect(flash().attribute("notice", "referrals.dispatch.sent"));
		// The mail leaves from a listener once the dispatch has committed.
		await().atMost(Duration.ofSeconds(30)).until(() -> referrals.get(referralId).mailSentAt() != null);
		MimeMessage[] received = mail.getReceivedMessages();
		assertThat(received).hasSize(1);
		byte[] attached = pdfAttachment(received[0]);
		assertThat(Digests.sha256(attached)).isEqualTo(approved.packetSha256()).isEqualTo(Digests.sha256(packet));
		FamilyView referred = messages.familyView(messageId);
		assertThat(referred.status()).isEqualTo(MessageStatus.REFERRED);
		assertThat(referred.referredAt()).isEqualTo(referrals.get(referralId).dispatchedAt());

		LocalDate today = LocalDate.now(ZoneId.of("Europe/Tirane"));
		mvc.perform(post("/staff/referrals/{id}/acknowledge", referralId).with(csrf()).with(user("lina").roles("LIAISON"))
			.param("theirReference", "PSH-2026/114").param("acknowledgedOn", today.toString()))
			.andExpect(status().is3xxRedirection());
		FamilyView acknowledged = messages.familyView(messageId);
		assertThat(acknowledged.status()).isEqualTo(MessageStatus.ACKNOWLEDGED);
		assertThat(LocalDate.ofInstant(acknowledged.acknowledgedAt(), ZoneId.of("Europe/Tirane"))).isEqualTo(today);

		List<String> trail = jdbc.sql("select actor || ' ' || action || ' ' || outcome from audit.entry where record_type = 'referral' and record_id = ? order by sequence")
			.param(referralId.toString())
			.query(String.class)
			.list();
		assertThat(trail).containsExactly("lina referral.create SUCCESS", "lina referral.approve DENIED",
				"rita referral.approve SUCCESS", "lina referral.packet.read SUCCESS", "lina referral.dispatch SUCCESS",
				"system referral.mail SUCCESS", "lina referral.acknowledge SUCCESS");
	}

	private void acceptAtIntake(UUID messageId) throws Exception {
		mvc.perform(post("/staff/messages/{id}/person/new", messageId).with(csrf()).with(user("ines").roles("INTAKE"))
			.param("namePersian", "علی احمدی").param("nameLatin", "Ali Ahmadi").param("fatherName", "حسن").param("birthYear", "1985").param("notADuplicate", "true"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/staff/messages/{id}/accept", messageId).with(csrf()).with(user("ines").roles("INTAKE")))
			.andExpect(status().is3xxRedirection());
	}

	private void approveAlbanianTranslation(UUID messageId) throws Exception {
		TaskFixtures fixtures = TaskFixtures.from(context);
		// The translation tasks are opened by a listener after intake's transaction commits.
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> fixtures.task(messageId, "sq") != null
				&& messages.summary(messageId).status() == MessageStatus.IN_TRANSLATION);
		UUID taskId = fixtures.task(messageId, "sq").id();
		mvc.perform(post("/staff/translations/{id}/take", taskId).with(csrf()).with(user("tina").roles("TRANSLATOR")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/staff/translations/{id}", taskId).with(csrf()).with(user("tina").roles("TRANSLATOR"))
			.param("submitAnyway", "").param("targets[0]", UpstreamFakes.ALBANIAN))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/staff/translations/{id}/reviewed", taskId).with(csrf()).with(user("rita").roles("REVIEWER")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/staff/translations/{id}/approve", taskId).with(csrf()).with(user("anna").roles("REVIEWER")))
			.andExpect(status().is3xxRedirection());
	}

	private UUID policeAuthority() throws Exception {
		String name = "Policia e Shtetit " + UUID.randomUUID();
		mvc.perform(post("/staff/authorities").with(csrf()).with(user("lina").roles("LIAISON"))
			.param("name", name).param("kind", "POLICE").param("language", "sq")
			.param("postalAddress", "Sheshi Skënderbej 3\nTiranë").param("email", "kerkimi@policia.test")
			.param("acknowledgementDays", "30"))
			.andExpect(status().is3xxRedirection());
		return directory.all().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().id();
	}

	private UUID createReferral(UUID authority, UUID messageId) throws Exception {
		String location = mvc.perform(post("/staff/referrals").with(csrf()).with(user("lina").roles("LIAISON"))
			.param("authorityId", authority.toString()).param("messageIds", messageId.toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	private static byte[] pdfAttachment(Part part) throws Exception {
		List<Part> found = new ArrayList<>();
		collect(part, found);
		for (Part p : found) {
			if (p.isMimeType("application/pdf")) {
				return p.getInputStream().readAllBytes();
			}
		}
		throw new AssertionError("no PDF attached");
	}

	private static void collect(Part part, List<Part> found) throws Exception {
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), found);
			}
		}
		else {
			found.add(part);
		}
	}

}
