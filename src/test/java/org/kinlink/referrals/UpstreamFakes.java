package org.kinlink.referrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.FamilyView;
import org.kinlink.messages.LetterContent;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.MessageProgress;
import org.kinlink.messages.MessageStatus;
import org.kinlink.messages.MessageSummary;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.translation.ApprovedFileTranslation;
import org.kinlink.translation.ApprovedTranslation;
import org.kinlink.translation.Translations;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stand-ins for the messages and translation modules at the edge of the referrals module, so its own tests
 * choose exactly which letters and approved translations exist and see every progress call.
 */
@TestConfiguration(proxyBeanMethods = false)
public class UpstreamFakes {

	/** Line 12 of NTREX-128 newstest2019 (Persian, Albanian; CC BY-SA 4.0, Federmann, Kocmi, Xin 2022). */
	public static final String PERSIAN = "در ماه ژوئن، کمیسیون نتایج یک همفکری عمومی را در مورد پیشنهادها منتشر کرد که در آن از نام پارلمان ولز حمایت گسترده‌ای شده بود.";

	/** The Albanian reference translation of the same NTREX-128 line (CC BY-SA 4.0). */
	public static final String ALBANIAN = "Në qershor, Komisioni publikoi rezultatet e një konsultimi me publikun, dhe propozimi i këtij të fundit për emërtimin e asamblesë si “Parlamenti i Uellsit“ gjeti mbështetje të gjerë.";

	/** The English source sentence of the same NTREX-128 line (CC BY-SA 4.0). */
	public static final String ENGLISH = "In June, the Commission published the results of a public consultation on the proposals which found broad support for calling the assembly a Welsh Parliament.";

	@Bean
	@Primary
	FakeMessages fakeMessages() {
		return new FakeMessages();
	}

	@Bean
	@Primary
	FakeTranslations fakeTranslations() {
		return new FakeTranslations();
	}

	/** Letters by id, and every progress call in order. */
	public static class FakeMessages implements FamilyMessages, MessageProgress {

		private final Map<UUID, LetterContent> letters = new ConcurrentHashMap<>();

		private final Map<UUID, MessageStatus> statuses = new ConcurrentHashMap<>();

		public final List<String> progress = new CopyOnWriteArrayList<>();

		private int counter;

		public UUID add(String persianText) {
			return add(persianText, "fa");
		}

		/** A letter in the given language, APPROVED unless {@link #setStatus} says otherwise. */
		public synchronized UUID add(String text, String language) {
			UUID id = UUID.randomUUID();
			String reference = "KL-2026-%04d".formatted(++counter);
			letters.put(id, new LetterContent(id, reference, new LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر",
					"علی احمدی", "Ali Ahmadi", "حسن", 1985, null, text, language), Instant.parse("2026-02-01T09:00:00Z")));
			return id;
		}

		public void setStatus(UUID messageId, MessageStatus status) {
			statuses.put(messageId, status);
		}

		public List<String> progressOf(UUID messageId) {
			List<String> calls = new ArrayList<>();
			progress.stream().filter(p -> p.endsWith(messageId.toString())).forEach(p -> calls.add(p.substring(0, p.indexOf(':'))));
			return calls;
		}

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
			LetterContent content = letters.get(messageId);
			if (content == null) {
				throw new RecordNotFoundException();
			}
			return content;
		}

		@Override
		public MessageSummary summary(UUID messageId) {
			LetterContent content = content(messageId);
			return new MessageSummary(messageId, content.reference(), statuses.getOrDefault(messageId, MessageStatus.APPROVED),
					content.letter().language(), content.receivedAt(), null);
		}

		@Override
		public List<MessageSummary> forPerson(UUID personId) {
			return List.of();
		}

		@Override
		public void relayAnswer(UUID messageId, String text, String relayedBy) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void delivered(UUID messageId, Instant at) {
			progress.add("delivered:" + messageId);
		}

		@Override
		public void translationStarted(UUID messageId) {
			progress.add("translationStarted:" + messageId);
		}

		@Override
		public void translated(UUID messageId) {
			progress.add("translated:" + messageId);
		}

		@Override
		public void approved(UUID messageId) {
			progress.add("approved:" + messageId);
		}

		@Override
		public void referred(UUID messageId, Instant at) {
			onCommit("referred:" + messageId);
		}

		@Override
		public void acknowledged(UUID messageId, Instant at) {
			onCommit("acknowledged:" + messageId);
		}

		/** Like the real module's rows, a progress step counts only if the caller's transaction commits. */
		private void onCommit(String call) {
			if (!TransactionSynchronizationManager.isSynchronizationActive()) {
				progress.add(call);
				return;
			}
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					progress.add(call);
				}
			});
		}

	}

	/** Approved translations by message and language, newest message first. */
	public static class FakeTranslations implements Translations {

		private final Map<String, ApprovedTranslation> approved = new ConcurrentHashMap<>();

		private final List<UUID> order = new CopyOnWriteArrayList<>();

		/** An approved translation, one argument per segment. */
		public void approve(UUID messageId, String language, String... segments) {
			approved.put(messageId + "/" + language, new ApprovedTranslation(messageId, language, List.of(segments), "tina",
					"rita", Instant.parse("2026-02-10T09:00:00Z")));
			if (!order.contains(messageId)) {
				order.add(0, messageId);
			}
		}

		@Override
		public Optional<ApprovedTranslation> approved(UUID messageId, String targetLanguage) {
			return Optional.ofNullable(approved.get(messageId + "/" + targetLanguage));
		}

		@Override
		public List<UUID> messagesWithApprovedTranslation() {
			return List.copyOf(order);
		}

		private final Map<String, List<ApprovedFileTranslation>> files = new ConcurrentHashMap<>();

		/** An approved translation of a file of the message. */
		public void approveFile(UUID messageId, UUID fileId, String kind, String language,
				List<ApprovedFileTranslation.Segment> segments) {
			files.computeIfAbsent(messageId + "/" + language, key -> new CopyOnWriteArrayList<>())
				.add(new ApprovedFileTranslation(fileId, messageId, kind, "fa", language, segments, "tina", "rita",
						Instant.parse("2026-02-10T09:00:00Z")));
		}

		@Override
		public List<ApprovedFileTranslation> approvedFiles(UUID messageId, String targetLanguage) {
			return List.copyOf(files.getOrDefault(messageId + "/" + targetLanguage, List.of()));
		}

	}

}
