package org.kinlink.referrals.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.referrals.directory.AuthorityKind;
import org.kinlink.shared.web.ForbiddenActionException;
import org.kinlink.shared.web.IllegalTransitionException;

/** The referral's own rules: its states, the second-person rule (S14) and the deadline. */
class ReferralTests {

	static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	static Referral draft(String creator) {
		return draft(creator, AuthorityKind.POLICE, 30);
	}

	static Referral draft(String creator, AuthorityKind kind, int days) {
		return Referral.draft(UUID.randomUUID(), "KL-REF-2026-0001", UUID.randomUUID(), recipient(kind, days),
				List.of(UUID.randomUUID()), creator, T0);
	}

	static Recipient recipient(AuthorityKind kind, int days) {
		return new Recipient("Policia e Shtetit", kind, "sq", "desk@policia.test", "Sheshi Skënderbej 3\nTiranë", days);
	}

	@Test
	void walksFromDraftToAcknowledged() {
		Referral referral = draft("lina");
		referral.approve("rita", T0.plusSeconds(60));
		referral.attachPacket("ab".repeat(32));
		referral.dispatch(DispatchChannel.EMAIL, T0.plusSeconds(120));
		assertThat(referral.state()).isEqualTo(ReferralState.DISPATCHED);
		assertThat(referral.dueAt()).isEqualTo(T0.plusSeconds(120).plus(Duration.ofDays(30)));
		referral.acknowledge("PSH-2026/114", LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 2), "lina");
		assertThat(referral.state()).isEqualTo(ReferralState.ACKNOWLEDGED);
		assertThat(referral.theirReference()).isEqualTo("PSH-2026/114");
	}

	@Test
	void creatorCannotApproveOwnPoliceOrUnReferral() {
		assertThat(AuthorityKind.POLICE.needsSecondApproval()).isTrue();
		assertThat(AuthorityKind.UN_BODY.needsSecondApproval()).isTrue();
		Referral referral = draft("lina");
		assertThatThrownBy(() -> referral.approve("lina", T0)).isInstanceOf(ForbiddenActionException.class);
		assertThat(referral.state()).isEqualTo(ReferralState.DRAFT);
		assertThat(referral.approvedBy()).isNull();
	}

	@Test
	void creatorMayApproveOwnReferralToOtherAuthorities() {
		for (AuthorityKind kind : List.of(AuthorityKind.MINISTRY, AuthorityKind.EMBASSY, AuthorityKind.INTERNATIONAL_BODY, AuthorityKind.OTHER)) {
			Referral referral = draft("lina", kind, 30);
			referral.approve("lina", T0);
			assertThat(referral.state()).as(kind.name()).isEqualTo(ReferralState.APPROVED);
		}
	}

	@Test
	void appliesTheSecondPersonRuleToTheRecipientCopiedIntoTheDraft() {
		Referral police = draft("lina", AuthorityKind.POLICE, 30);
		assertThat(police.refusesApprovalBy("lina")).isTrue();
		assertThat(police.refusesApprovalBy("rita")).isFalse();
		assertThat(draft("lina", AuthorityKind.OTHER, 30).refusesApprovalBy("lina")).isFalse();
	}

	@Test
	void takesTheDeadlineFromTheRecipientCopiedIntoTheDraft() {
		Referral referral = draft("lina", AuthorityKind.MINISTRY, 7);
		referral.approve("lina", T0);
		referral.dispatch(DispatchChannel.EMAIL, T0);
		assertThat(referral.dueAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
		assertThat(referral.mailPending()).isTrue();
	}

	@Test
	void refusesIllegalMoves() {
		Referral referral = draft("lina");
		assertThatThrownBy(() -> referral.dispatch(DispatchChannel.EMAIL, T0)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> referral.acknowledge("x", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 2), "lina"))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> referral.attachPacket("00")).isInstanceOf(IllegalTransitionException.class);
		referral.approve("rita", T0);
		assertThatThrownBy(() -> referral.approve("rita", T0)).isInstanceOf(IllegalTransitionException.class);
		referral.dispatch(DispatchChannel.BY_HAND, T0);
		assertThatThrownBy(() -> referral.dispatch(DispatchChannel.EMAIL, T0))
			.isInstanceOf(IllegalTransitionException.class)
			.hasMessage("referrals.dispatch.already");
		referral.acknowledge("x", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 2), "lina");
		assertThatThrownBy(() -> referral.acknowledge("y", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 2), "lina"))
			.isInstanceOf(IllegalTransitionException.class)
			.hasMessage("referrals.acknowledge.already");
		assertThat(referral.theirReference()).isEqualTo("x");
		assertThat(referral.markOverdueIfLate(T0.plus(Duration.ofDays(400)))).isFalse();
	}

	@Test
	void becomesOverdueOnlyAfterTheDeadlineAndStillAcceptsAnAcknowledgement() {
		Referral referral = draft("lina", AuthorityKind.POLICE, 14);
		referral.approve("rita", T0);
		referral.dispatch(DispatchChannel.EMAIL, T0);
		assertThat(referral.markOverdueIfLate(T0.plus(Duration.ofDays(14)))).isFalse();
		assertThat(referral.markOverdueIfLate(T0.plus(Duration.ofDays(14)).plusSeconds(1))).isTrue();
		assertThat(referral.state()).isEqualTo(ReferralState.OVERDUE);
		assertThat(referral.markOverdueIfLate(T0.plus(Duration.ofDays(20)))).isFalse();
		referral.acknowledge("late-1", LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 2), "lina");
		assertThat(referral.state()).isEqualTo(ReferralState.ACKNOWLEDGED);
	}

	@Test
	void refusesAnAcknowledgementDatedBeforeTheDispatch() {
		Referral referral = draft("lina");
		referral.approve("rita", T0);
		referral.dispatch(DispatchChannel.EMAIL, T0);
		assertThatThrownBy(() -> referral.acknowledge("x", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), "lina"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(referral.state()).isEqualTo(ReferralState.DISPATCHED);
	}

	@Test
	void needsAtLeastOneMessage() {
		assertThatThrownBy(() -> Referral.draft(UUID.randomUUID(), "KL-REF-2026-0002", UUID.randomUUID(),
				recipient(AuthorityKind.POLICE, 30), List.of(), "lina", T0))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
