package org.kinlink.translation.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.translation.tasks.Suggestion.DiffPart;
import org.kinlink.translation.tasks.Suggestion.DiffPart.Change;

/** Word differences between the translator's and the reviewer's versions, and the pivot chain's approval rule. */
class WordDiffTests {

	private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

	@Test
	void marksTheWordsTheReviewerReplacedKeepingSpaces() {
		List<DiffPart> parts = WordDiff.between("Dallgët kanë arritur deri në 20 këmbë.", "Valët kanë arritur deri në 20 këmbë.");

		assertThat(parts).containsExactly(new DiffPart("Dallgët", Change.DELETED), new DiffPart("Valët", Change.INSERTED),
				new DiffPart(" kanë arritur deri në 20 këmbë.", Change.SAME));
		assertThat(WordDiff.between("a b", "a b")).containsExactly(new DiffPart("a b", Change.SAME));
		assertThat(WordDiff.between(null, "x")).containsExactly(new DiffPart("x", Change.INSERTED));
	}

	@Test
	void anAlbanianTaskThroughEnglishIsApprovedOnlyAfterItsEnglishPivot() {
		UUID message = UUID.randomUUID();
		TranslationTask english = TranslationTask.open(message, "KL-1", "fa", "en", UUID.randomUUID(), 3, NOW);
		english.take("eric", NOW);
		english.submit("eric", false, NOW);
		TranslationTask albanian = TranslationTask.open(message, "KL-1", "fa", "sq", UUID.randomUUID(), 3, NOW);
		albanian.take("tina", NOW);
		albanian.submit("tina", true, NOW);
		albanian.linkPivot(english);
		albanian.markReviewed("rita", NOW);

		assertThat(albanian.pivotTaskId()).isEqualTo(english.id());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> albanian.approve("anna", NOW, english))
			.isInstanceOf(IllegalTransitionException.class)
			.hasMessage("translation.error.pivotNotApproved");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> albanian.approve("anna", NOW))
			.isInstanceOf(IllegalTransitionException.class);
		english.markReviewed("rita", NOW);
		english.approve("anna", NOW);
		albanian.approve("anna", NOW, english);
		assertThat(albanian.state()).isEqualTo(TaskState.APPROVED);
	}

	@Test
	void onlyAnEnglishTaskOfTheSameMessageCanBeThePivot() {
		TranslationTask albanian = TranslationTask.open(UUID.randomUUID(), "KL-1", "fa", "sq", UUID.randomUUID(), 3, NOW);
		albanian.take("tina", NOW);
		albanian.saveDraft("tina", true, NOW);
		TranslationTask other = TranslationTask.open(UUID.randomUUID(), "KL-2", "fa", "en", UUID.randomUUID(), 3, NOW);
		other.take("eric", NOW);
		other.submit("eric", false, NOW);

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> albanian.linkPivot(other))
			.isInstanceOf(IllegalTransitionException.class);
		albanian.linkPivot(null);
		assertThat(albanian.pivotTaskId()).isNull();
	}

}
