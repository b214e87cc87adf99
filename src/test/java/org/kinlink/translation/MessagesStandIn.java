package org.kinlink.translation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.FamilyView;
import org.kinlink.messages.LetterContent;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.MessageProgress;
import org.kinlink.messages.MessageStatus;
import org.kinlink.messages.MessageSummary;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Stands in for the messages module until its implementation is merged (wt/messages). */
@TestConfiguration(proxyBeanMethods = false)
public class MessagesStandIn {

	public static final Map<UUID, String> LETTERS = new ConcurrentHashMap<>();

	public static final Map<UUID, MessageStatus> STATUS = new ConcurrentHashMap<>();

	public static UUID acceptedLetter(String text) {
		UUID id = UUID.randomUUID();
		LETTERS.put(id, text);
		STATUS.put(id, MessageStatus.ACCEPTED);
		return id;
	}

	@Bean
	FamilyMessages familyMessages() {
		return new FamilyMessages() {
			@Override
			public UUID receive(LetterSubmission letter) {
				throw new UnsupportedOperationException();
			}

			@Override
			public FamilyView familyView(UUID messageId) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void addFamilyReply(UUID messageId, String text) {
				throw new UnsupportedOperationException();
			}

			@Override
			public LetterContent content(UUID messageId) {
				LetterSubmission letter = new LetterSubmission("م", "M", "mother", "ع", "A", "ف", 1990, null,
						LETTERS.get(messageId), "fa");
				return new LetterContent(messageId, reference(messageId), letter, Instant.now());
			}

			@Override
			public MessageSummary summary(UUID messageId) {
				return new MessageSummary(messageId, reference(messageId), STATUS.get(messageId), "fa", Instant.now(), null);
			}
		};
	}

	@Bean
	MessageProgress messageProgress() {
		return new MessageProgress() {
			@Override
			public void translationStarted(UUID messageId) {
				STATUS.put(messageId, MessageStatus.IN_TRANSLATION);
			}

			@Override
			public void translated(UUID messageId) {
				STATUS.put(messageId, MessageStatus.TRANSLATED);
			}

			@Override
			public void approved(UUID messageId) {
				STATUS.put(messageId, MessageStatus.APPROVED);
			}

			@Override
			public void referred(UUID messageId, Instant at) {
			}

			@Override
			public void acknowledged(UUID messageId, Instant at) {
			}
		};
	}

	static String reference(UUID messageId) {
		return "KL-" + messageId.toString().substring(0, 8).toUpperCase();
	}

}
