package org.kinlink.translation.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.MessageStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opening tasks when a message is accepted: once per target, however often the event arrives. */
@SpringBootTest
@AutoConfigureMockMvc
class TaskOpeningTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MessageAcceptedListener listener;

	@Autowired
	TaskOpening opening;

	@Autowired
	TaskTexts texts;

	@Autowired
	FamilyMessages messages;

	@Autowired
	JdbcClient jdbc;

	@Test
	void opensEachTargetOnceWhenTheEventIsDeliveredAgain() {
		TaskFixtures fixtures = TaskFixtures.from(context);
		UUID messageId = fixtures.acceptedLetter("سلام مادر. حالم خوب است؟ نامه‌ات رسید.");
		List<UUID> before = taskIds(messageId);

		listener.on(new org.kinlink.messages.MessageAccepted(messageId, "fa"));
		opening.open(messageId, "fa");

		assertThat(before).hasSize(2);
		assertThat(taskIds(messageId)).containsExactlyInAnyOrderElementsOf(before);
		assertThat(messages.summary(messageId).status()).isEqualTo(MessageStatus.IN_TRANSLATION);
		TranslationTask albanian = fixtures.task(messageId, "sq");
		assertThat(texts.open(albanian)).extracting(TaskSegment::source)
			.containsExactly("سلام مادر.", "حالم خوب است؟", "نامه‌ات رسید.");
		assertThat(albanian.reference()).isEqualTo(messages.summary(messageId).reference());
		assertThat(albanian.keyId()).isNotEqualTo(fixtures.task(messageId, "en").keyId());
	}

	@Test
	void opensNoTaskForALetterWithNothingToTranslate() {
		UUID messageId = TaskFixtures.from(context).acceptLetter("***\n...");

		assertThat(opening.open(messageId, "fa")).isFalse();
		assertThat(taskIds(messageId)).isEmpty();
	}

	@Test
	void opensOnlyAnEnglishTaskForALetterWrittenInAlbanian() {
		UUID messageId = TaskFixtures.from(context).acceptLetter("Mirë jam. Më mungon shumë.", "sq");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> !taskIds(messageId).isEmpty());
		assertThat(jdbc.sql("select target_language from translation.task where message_id = ?").param(messageId)
			.query(String.class).list()).containsExactly("en");
		// The listener commits the tasks before it tells the message that translation started.
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(messages.summary(messageId).status()).isEqualTo(MessageStatus.IN_TRANSLATION));
	}

	private List<UUID> taskIds(UUID messageId) {
		return jdbc.sql("select id from translation.task where message_id = ?").param(messageId).query(UUID.class).list();
	}

}
