package org.kinlink.messages.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.messages.MessageAccepted;
import org.kinlink.messages.MessageReceived;
import org.kinlink.messages.MessageRejected;
import org.kinlink.messages.MessageStatus;
import org.kinlink.messages.Ntrex;
import org.kinlink.people.People;
import org.kinlink.people.PersonDetails;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Receiving, sealing, triage and progress of family messages on the real database. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class LetterServiceTests {

	@Autowired
	LetterService letters;

	@Autowired
	Triage triage;

	@Autowired
	MessageRows rows;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	static LetterSubmission letter(String text) {
		return new LetterSubmission("مریم احمدی", "Maryam Ahmadi", "مادر", "علی احمدی", "Ali Ahmadi", "حسن", 1990,
				"قد بلند", text, "fa");
	}

	UUID acceptedMessage() {
		UUID id = letters.receive(letter(Ntrex.PERSIAN_PLAIN));
		UUID person = people.create(new PersonDetails("علی احمدی", "Ali Ahmadi", "حسن", 1990, null));
		triage.linkPerson(id, person);
		triage.accept(id);
		return id;
	}

	@Test
	void receivesALetterWithAReferenceAndPublishesMessageReceived() {
		UUID id = letters.receive(letter(Ntrex.PERSIAN_PLAIN));

		var summary = letters.summary(id);
		assertThat(summary.status()).isEqualTo(MessageStatus.RECEIVED);
		assertThat(summary.reference()).matches("KL-20\\d\\d-\\d{6}");
		assertThat(summary.language()).isEqualTo("fa");
		assertThat(events.stream(MessageReceived.class)).containsExactly(new MessageReceived(id));
	}

	@Test
	void givesEachMessageItsOwnReference() {
		String first = letters.summary(letters.receive(letter(Ntrex.PERSIAN_PLAIN))).reference();
		String second = letters.summary(letters.receive(letter(Ntrex.PERSIAN_PLAIN_2))).reference();
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void storesTheLetterSealedAndOpensItWhole() {
		UUID id = letters.receive(letter(Ntrex.PERSIAN_PLAIN_2));

		byte[] stored = jdbc.sql("select letter from messages.message where id = ?").param(id).query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("احمدی", "Ahmadi", "پارلمان");
		assertThat(letters.content(id).letter()).isEqualTo(letter(Ntrex.PERSIAN_PLAIN_2));
	}

	@Test
	void auditsEveryOpeningOfTheLetter() {
		UUID id = letters.receive(letter(Ntrex.PERSIAN_PLAIN));
		letters.content(id);
		long reads = jdbc.sql("select count(*) from audit.entry where action = 'message.read' and record_id = ?")
			.param(id.toString())
			.query(Long.class)
			.single();
		assertThat(reads).isEqualTo(1);
	}

	@Test
	void unknownMessagesAreNotFound() {
		UUID unknown = UUID.randomUUID();
		assertThatThrownBy(() -> letters.summary(unknown)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> letters.content(unknown)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> letters.familyView(unknown)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> letters.translationStarted(unknown)).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void acceptingPublishesMessageAcceptedOnce() {
		UUID id = acceptedMessage();
		triage.accept(id);
		assertThat(events.stream(MessageAccepted.class)).containsExactly(new MessageAccepted(id, "fa"));
		assertThat(letters.summary(id).personId()).isNotNull();
	}

	@Test
	void rejectingSealsTheReasonAndPublishesMessageRejected() {
		UUID id = letters.receive(letter(Ntrex.PERSIAN_PLAIN));
		triage.reject(id, "نامه تبلیغاتی است");

		assertThat(letters.summary(id).status()).isEqualTo(MessageStatus.REJECTED);
		assertThat(triage.rejectionReason(id)).isEqualTo("نامه تبلیغاتی است");
		assertThat(events.stream(MessageRejected.class)).containsExactly(new MessageRejected(id));
		assertThatThrownBy(() -> triage.accept(id)).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void progressMovesTheMessageAndRepeatsAreHarmless() {
		UUID id = acceptedMessage();
		Instant referredAt = Instant.parse("2026-04-01T09:30:00Z");
		letters.translationStarted(id);
		letters.translationStarted(id);
		letters.translated(id);
		letters.approved(id);
		letters.referred(id, referredAt);
		letters.referred(id, Instant.parse("2026-05-01T09:30:00Z"));

		var view = letters.familyView(id);
		assertThat(view.status()).isEqualTo(MessageStatus.REFERRED);
		assertThat(view.referredAt()).isEqualTo(referredAt);
		assertThat(view.acknowledgedAt()).isNull();
	}

	@Test
	void progressRefusesIllegalMoves() {
		UUID id = letters.receive(letter(Ntrex.PERSIAN_PLAIN));
		assertThatThrownBy(() -> letters.translationStarted(id)).isInstanceOf(IllegalTransitionException.class);
		UUID accepted = acceptedMessage();
		assertThatThrownBy(() -> letters.approved(accepted)).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void familySeesStaffRepliesButNotItsOwnAnswers() {
		UUID id = letters.receive(letter(Ntrex.PERSIAN_PLAIN));
		triage.replyToFamily(id, "intake1", "نامه شما رسید.");
		letters.addFamilyReply(id, "متشکرم");

		var view = letters.familyView(id);
		assertThat(view.replies()).extracting(r -> r.text()).containsExactly("نامه شما رسید.");
		assertThat(triage.conversation(id)).extracting(Reply::text).containsExactly("نامه شما رسید.", "متشکرم");
		String body = jdbc.sql("select encode(body, 'escape') from messages.reply where message_id = ? limit 1")
			.param(id)
			.query(String.class)
			.single();
		assertThat(body).doesNotContain("رسید");
	}

	@Test
	void aStaleCopyCannotOverwriteANewerChange() {
		UUID id = letters.receive(letter(Ntrex.PERSIAN_PLAIN));
		FamilyMessage first = rows.find(id).orElseThrow();
		FamilyMessage second = rows.find(id).orElseThrow();
		first.linkPerson(UUID.randomUUID());
		rows.update(first);
		second.reject(new byte[] { 1 }, Instant.now());
		assertThatThrownBy(() -> rows.update(second)).isInstanceOf(OptimisticLockingFailureException.class);
	}

	@Test
	void cannotLinkAnUnknownPerson() {
		UUID id = letters.receive(letter(Ntrex.PERSIAN_PLAIN));
		assertThatThrownBy(() -> triage.linkPerson(id, UUID.randomUUID())).isInstanceOf(RecordNotFoundException.class);
	}

}
