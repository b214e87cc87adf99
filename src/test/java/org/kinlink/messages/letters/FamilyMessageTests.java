package org.kinlink.messages.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.messages.MessageStatus;
import org.kinlink.shared.web.IllegalTransitionException;

/** The lifecycle rules of a family message, without Spring. */
class FamilyMessageTests {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	private static final Instant T1 = Instant.parse("2026-03-02T10:00:00Z");

	private final FamilyMessage message = FamilyMessage.received(UUID.randomUUID(), "KL-2026-000001", "fa",
			UUID.randomUUID(), new byte[] { 1 }, T0);

	@Test
	void startsReceivedWithItsDate() {
		assertThat(message.status()).isEqualTo(MessageStatus.RECEIVED);
		assertThat(message.reachedAt(MessageStatus.RECEIVED)).isEqualTo(T0);
	}

	@Test
	void refusesToAcceptBeforeTheAddresseeIsLinked() {
		assertThatThrownBy(() -> message.accept(T1)).isInstanceOf(IllegalTransitionException.class)
			.hasMessage("inbox.error.acceptNeedsPerson");
	}

	@Test
	void walksTheWholePathAndRemembersEachDate() {
		message.linkPerson(UUID.randomUUID());
		assertThat(message.accept(T1)).isTrue();
		assertThat(message.startTranslation(T1)).isTrue();
		assertThat(message.translated(T1)).isTrue();
		assertThat(message.approved(T1)).isTrue();
		assertThat(message.referred(T1)).isTrue();
		assertThat(message.acknowledged(T1)).isTrue();
		assertThat(message.status()).isEqualTo(MessageStatus.ACKNOWLEDGED);
		assertThat(message.reachedAt(MessageStatus.REFERRED)).isEqualTo(T1);
	}

	@Test
	void repeatingAMoveChangesNothing() {
		message.linkPerson(UUID.randomUUID());
		message.accept(T0);
		message.startTranslation(T0);
		assertThat(message.accept(T1)).isFalse();
		assertThat(message.startTranslation(T1)).isFalse();
		assertThat(message.reachedAt(MessageStatus.IN_TRANSLATION)).isEqualTo(T0);
	}

	@Test
	void aStepAlreadyPassedChangesNothing() {
		message.linkPerson(UUID.randomUUID());
		message.accept(T0);
		message.startTranslation(T0);
		message.translated(T0);
		message.approved(T0);
		assertThat(message.startTranslation(T1)).isFalse();
		assertThat(message.status()).isEqualTo(MessageStatus.APPROVED);
	}

	@Test
	void refusesToSkipAStep() {
		message.linkPerson(UUID.randomUUID());
		message.accept(T0);
		assertThatThrownBy(() -> message.approved(T1)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> message.referred(T1)).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void refusesProgressBeforeTriage() {
		assertThatThrownBy(() -> message.startTranslation(T1)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> message.delivered(T1)).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void refusesToAcceptARejectedMessage() {
		message.reject(new byte[] { 2 }, T1);
		assertThatThrownBy(() -> message.accept(T1)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> message.startTranslation(T1)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> message.linkPerson(UUID.randomUUID())).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void rejectingTwiceKeepsTheFirstReason() {
		byte[] first = { 7 };
		assertThat(message.reject(first, T0)).isTrue();
		assertThat(message.reject(new byte[] { 8 }, T1)).isFalse();
		assertThat(message.rejectionReason()).isSameAs(first);
		assertThat(message.reachedAt(MessageStatus.REJECTED)).isEqualTo(T0);
	}

	@Test
	void refusesToRejectAnAcceptedMessage() {
		message.linkPerson(UUID.randomUUID());
		message.accept(T0);
		assertThatThrownBy(() -> message.reject(new byte[] { 1 }, T1)).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void deliveryEndsThePathFromAnyAcceptedState() {
		message.linkPerson(UUID.randomUUID());
		message.accept(T0);
		assertThat(message.delivered(T1)).isTrue();
		assertThat(message.referred(T1)).isFalse();
		assertThat(message.status()).isEqualTo(MessageStatus.DELIVERED);
	}

	@Test
	void linkingTheSamePersonTwiceChangesNothing() {
		UUID person = UUID.randomUUID();
		assertThat(message.linkPerson(person)).isTrue();
		assertThat(message.linkPerson(person)).isFalse();
		assertThat(message.linkPerson(UUID.randomUUID())).isTrue();
	}

}
