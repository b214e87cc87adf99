package org.kinlink.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.MessageStatus;
import org.kinlink.translation.tasks.TaskFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * From a received and accepted letter to an approved Albanian translation, through the real messages module
 * and the translation pages. Sentences from NTREX-128 (CC BY-SA 4.0), lines 236 and 237.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class TranslationFlowTests {

	static final String LETTER = "نیلسن گفت شبکه فاکس نیوز، که مجریانش به شدت از انتصاب کاوانو حمایت کرده بودند، به طور متوسط ۵٫۶۹ میلیون بیننده داشت که از تمام شبکه‌های دیگر پیش بود. "
			+ "ABC با ۳٫۲۶ میلیون بیننده مقام دوم را داشت.";

	static final List<String> ALBANIAN = List.of(
			"Nielsen tha se Fox News, prezantuesit e të cilit e kishin mbështetur fort emërimin e Kavanaugh, pati mesatarisht 5,69 milionë shikues, më shumë se të gjitha rrjetet e tjera.",
			"ABC ishte e dyta me 3,26 milionë shikues.");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	FamilyMessages messages;

	@Autowired
	Translations translations;

	@Autowired
	ApplicationEvents events;

	@Test
	void takesAnAcceptedLetterToAnApprovedAlbanianTranslation() throws Exception {
		TaskFixtures fixtures = TaskFixtures.from(context);
		UUID messageId = fixtures.acceptedLetter(LETTER);
		UUID taskId = fixtures.task(messageId, "sq").id();
		assertThat(fixtures.task(taskId).segmentCount()).isEqualTo(2);

		mvc.perform(post("/staff/translations/{id}/take", taskId).with(user("tina").roles("TRANSLATOR")).with(csrf()))
			.andExpect(redirectedUrl("/staff/translations/" + taskId));
		mvc.perform(post("/staff/translations/{id}", taskId).with(user("tina").roles("TRANSLATOR")).with(csrf())
			.param("submitForReview", "")
			.param("targets[0]", ALBANIAN.get(0))
			.param("targets[1]", ALBANIAN.get(1))).andExpect(redirectedUrl("/staff/translations"));
		assertThat(messages.summary(messageId).status()).isEqualTo(MessageStatus.TRANSLATED);

		mvc.perform(post("/staff/translations/{id}/reviewed", taskId).with(user("rita").roles("REVIEWER")).with(csrf()))
			.andExpect(redirectedUrl("/staff/translations/" + taskId));
		assertThat(translations.approved(messageId, "sq")).isEmpty();
		mvc.perform(post("/staff/translations/{id}/approve", taskId).with(user("anna").roles("REVIEWER")).with(csrf()))
			.andExpect(redirectedUrl("/staff/translations"));

		assertThat(messages.summary(messageId).status()).isEqualTo(MessageStatus.APPROVED);
		assertThat(events.stream(TranslationApproved.class)).containsExactly(new TranslationApproved(messageId, "sq"));
		ApprovedTranslation approved = translations.approved(messageId, "sq").orElseThrow();
		assertThat(approved.segments()).containsExactlyElementsOf(ALBANIAN);
		assertThat(approved.translator()).isEqualTo("tina");
		assertThat(approved.reviewer()).isEqualTo("anna");
		assertThat(approved.approvedAt()).isNotNull();
		assertThat(translations.approved(messageId, "en")).isEmpty();
		assertThat(translations.messagesWithApprovedTranslation()).contains(messageId);
	}

}
