package org.kinlink.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kinlink.referrals.NotificationReferrals.NotificationLetter;
import org.kinlink.referrals.packet.Digests;
import org.kinlink.shared.web.IllegalTransitionException;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notification referrals: a draft without messages whose packet is the sealed letter; approval follows the
 * second-person rule (S14) and makes the usual packet with the cover letter, reference and the letter's digest.
 */
class NotificationReferralsTests extends ReferralsTestSupport {

	private static final String SUBJECT = "Njoftim për largimin e një personi nga grupi – KL-CASE-2026-0001";

	private static final String BODY = "I nderuar zotëri,\n\nJu njoftojmë se Reza Moradi u largua nga grupi më 2 gusht 2024.";

	@Autowired
	NotificationReferrals notifications;

	@Test
	void aNotificationLetterBecomesASealedPacketApprovedByASecondPerson() throws Exception {
		UUID police = police();
		assertThat(notifications.activeAuthorities()).anyMatch(a -> a.id().equals(police) && a.kind().equals("POLICE")
				&& a.language().equals("sq"));

		UUID referralId = notifications.draft(police, new NotificationLetter("sq", SUBJECT, BODY), "liaison.nora");
		assertThat(jdbc.sql("select state from referrals.referral where id = ?").param(referralId).query(String.class).single())
			.isEqualTo("DRAFT");
		byte[] sealed = jdbc.sql("select notice from referrals.referral where id = ?").param(referralId).query(byte[].class).single();
		assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Moradi");

		mvc.perform(post("/staff/referrals/{id}/approve", referralId).with(csrf()).with(user("liaison.nora").roles("LIAISON")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/staff/referrals/{id}/approve", referralId).with(csrf()).with(user("liaison.ilir").roles("LIAISON")))
			.andExpect(status().is3xxRedirection());
		byte[] packet = mvc.perform(get("/staff/referrals/{id}/packet", referralId).with(user("liaison.ilir").roles("LIAISON")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		String text;
		try (PDDocument document = Loader.loadPDF(packet)) {
			text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
		String reference = jdbc.sql("select reference from referrals.referral where id = ?").param(referralId).query(String.class).single();
		assertThat(text).contains("Reza Moradi", "KL-CASE-2026-0001", reference, "Letra e njoftimit");
		// The digest may be wrapped over two lines in the PDF.
		assertThat(text.replace(" ", "")).contains(Digests.sha256(SUBJECT + "\n\n" + BODY));
		mvc.perform(get("/staff/referrals/{id}", referralId).with(user("liaison.ilir").roles("LIAISON")).param("lang", "sq"))
			.andExpect(status().isOk());
	}

	@Test
	void aLetterWithoutTextOrToAnInactiveAuthorityIsRefused() {
		UUID police = police();
		assertThatThrownBy(() -> notifications.draft(police, new NotificationLetter("sq", " ", BODY), "liaison.nora"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> notifications.draft(police, new NotificationLetter("de", SUBJECT, BODY), "liaison.nora"))
			.isInstanceOf(IllegalArgumentException.class);
		jdbc.sql("update referrals.authority set active = false where id = ?").param(police).update();
		assertThatThrownBy(() -> notifications.draft(police, new NotificationLetter("sq", SUBJECT, BODY), "liaison.nora"))
			.isInstanceOf(IllegalTransitionException.class);
	}

	private UUID police() {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into referrals.authority (id, name, kind, language, postal_address, email, ack_deadline_days, created_at, updated_at)
				values (?, ?, 'POLICE', 'sq', 'Rruga e Durrësit, Tiranë', 'policia@kinlink.test', 14, now(), now())
				""").params(id, "Policia " + id).update();
		return id;
	}

}
