package org.kinlink.translation.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.shared.web.ForbiddenActionException;
import org.kinlink.shared.web.IllegalTransitionException;

/** The task's state machine: OPEN -> IN_PROGRESS -> TRANSLATED -> REVIEWED -> APPROVED, returns, four eyes. */
class TranslationTaskTests {

	private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	private final TranslationTask task = TranslationTask.open(UUID.randomUUID(), "KL-1", "fa", "sq", UUID.randomUUID(),
			3, NOW);

	@Test
	void goesFromOpenToApprovedWithATranslatorAndADifferentReviewer() {
		task.take("tina", NOW);
		assertThat(task.state()).isEqualTo(TaskState.IN_PROGRESS);
		task.saveDraft("tina", false, NOW);
		assertThat(task.state()).isEqualTo(TaskState.IN_PROGRESS);
		task.submit("tina", true, NOW);
		assertThat(task.state()).isEqualTo(TaskState.TRANSLATED);
		task.markReviewed("rita", NOW);
		assertThat(task.state()).isEqualTo(TaskState.REVIEWED);
		task.approve("anna", NOW.plusSeconds(60));

		assertThat(task.state()).isEqualTo(TaskState.APPROVED);
		assertThat(task.translator()).isEqualTo("tina");
		assertThat(task.reviewer()).isEqualTo("rita");
		assertThat(task.approver()).isEqualTo("anna");
		assertThat(task.approvedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(task.viaEnglish()).isTrue();
	}

	@Test
	void refusesTheTranslatorAsReviewerOrApprover() {
		task.take("tina", NOW);
		task.submit("tina", false, NOW);

		assertThatThrownBy(() -> task.markReviewed("tina", NOW)).isInstanceOf(ForbiddenActionException.class);
		task.markReviewed("rita", NOW);
		assertThatThrownBy(() -> task.approve("tina", NOW)).isInstanceOf(ForbiddenActionException.class);
		assertThatThrownBy(() -> task.returnToTranslator("tina", NOW)).isInstanceOf(ForbiddenActionException.class);
		assertThat(task.state()).isEqualTo(TaskState.REVIEWED);
	}

	@Test
	void returnsFromTranslatedOrReviewedToInProgress() {
		task.take("tina", NOW);
		task.submit("tina", false, NOW);
		task.returnToTranslator("rita", NOW);
		assertThat(task.state()).isEqualTo(TaskState.IN_PROGRESS);

		task.submit("tina", false, NOW);
		task.markReviewed("rita", NOW);
		task.returnToTranslator("anna", NOW);
		assertThat(task.state()).isEqualTo(TaskState.IN_PROGRESS);
		assertThat(task.reviewer()).isNull();
		assertThat(task.translator()).isEqualTo("tina");
	}

	@Test
	void refusesIllegalMoves() {
		assertThatThrownBy(() -> task.markReviewed("rita", NOW)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> task.approve("rita", NOW)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> task.returnToTranslator("rita", NOW)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> task.submit("tina", false, NOW)).isInstanceOf(ForbiddenActionException.class);

		task.take("tina", NOW);
		assertThatThrownBy(() -> task.take("tom", NOW)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> task.approve("rita", NOW)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> task.returnToTranslator("rita", NOW)).isInstanceOf(IllegalTransitionException.class);

		task.submit("tina", false, NOW);
		assertThatThrownBy(() -> task.approve("rita", NOW)).as("approval needs a review first")
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> task.saveDraft("tina", false, NOW)).isInstanceOf(IllegalTransitionException.class);

		task.markReviewed("rita", NOW);
		assertThatThrownBy(() -> task.markReviewed("rita", NOW)).isInstanceOf(IllegalTransitionException.class);
		task.approve("anna", NOW);
		assertThatThrownBy(() -> task.returnToTranslator("rita", NOW)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> task.approve("anna", NOW)).isInstanceOf(IllegalTransitionException.class);
		assertThat(task.state()).isEqualTo(TaskState.APPROVED);
	}

	@Test
	void letsOnlyItsTranslatorSaveOrSubmit() {
		task.take("tina", NOW);

		assertThatThrownBy(() -> task.saveDraft("tom", false, NOW)).isInstanceOf(ForbiddenActionException.class);
		assertThatThrownBy(() -> task.submit("tom", false, NOW)).isInstanceOf(ForbiddenActionException.class);
		assertThat(task.state()).isEqualTo(TaskState.IN_PROGRESS);
	}

	@Test
	void recordsThePivotOnlyForAlbanian() {
		TranslationTask english = TranslationTask.open(UUID.randomUUID(), "KL-1", "fa", "en", UUID.randomUUID(), 3, NOW);
		english.take("tina", NOW);
		english.submit("tina", true, NOW);

		assertThat(english.viaEnglish()).isFalse();
	}

}
