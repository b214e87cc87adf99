package org.kinlink.tracing.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.shared.web.IllegalTransitionException;

/** The request's own rules: linked before answered, nothing after an answer or a closure. */
class TracingRequestTests {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

	final TracingRequest open = TracingRequest.received(UUID.randomUUID(), UUID.randomUUID(), TracingSource.PORTAL, "fa",
			new byte[] { 1 }, Instant.parse("2026-02-01T10:00:00Z"), LocalDate.of(2026, 2, 1), null);

	@Test
	void aNewRequestIsOpenWithoutPerson() {
		assertThat(open.state()).isEqualTo(TracingState.OPEN);
		assertThat(open.personId()).isNull();
	}

	@Test
	void anOpenRequestCannotBeAnsweredBeforeItIsLinked() {
		assertThatThrownBy(() -> open.answer(TODAY, "cw", null)).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void aLinkedRequestIsAnsweredOnADay() {
		UUID person = UUID.randomUUID();
		TracingRequest answered = open.linkTo(person).answer(TODAY, "cw", null);
		assertThat(answered.state()).isEqualTo(TracingState.ANSWERED);
		assertThat(answered.personId()).isEqualTo(person);
		assertThat(answered.answeredOn()).isEqualTo(TODAY);
	}

	@Test
	void aLinkedRequestCanBeLinkedToAnotherPerson() {
		UUID other = UUID.randomUUID();
		assertThat(open.linkTo(UUID.randomUUID()).linkTo(other).personId()).isEqualTo(other);
	}

	@Test
	void closingAsNotFoundForgetsTheLinkedPerson() {
		TracingRequest closed = open.linkTo(UUID.randomUUID()).closeNotFound(TODAY, "cw");
		assertThat(closed.state()).isEqualTo(TracingState.CLOSED_NOT_FOUND);
		assertThat(closed.personId()).isNull();
		assertThat(closed.answeredOn()).isEqualTo(TODAY);
	}

	@Test
	void nothingChangesAfterAnAnswerOrAClosure() {
		TracingRequest answered = open.linkTo(UUID.randomUUID()).answer(TODAY, "cw", null);
		TracingRequest closed = open.closeNotFound(TODAY, "cw");
		for (TracingRequest done : new TracingRequest[] { answered, closed }) {
			assertThatThrownBy(() -> done.linkTo(UUID.randomUUID())).isInstanceOf(IllegalTransitionException.class);
			assertThatThrownBy(() -> done.closeNotFound(TODAY, "cw")).isInstanceOf(IllegalTransitionException.class);
			assertThatThrownBy(() -> done.answer(TODAY, "cw", null)).isInstanceOf(IllegalTransitionException.class);
		}
	}

	@Test
	void linkingNeedsAPerson() {
		assertThatThrownBy(() -> open.linkTo(null)).isInstanceOf(IllegalTransitionException.class);
	}

}
