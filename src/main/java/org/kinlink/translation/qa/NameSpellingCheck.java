package org.kinlink.translation.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kinlink.messages.FamilyMessages;
import org.kinlink.people.People;
import org.kinlink.people.PersonDetails;
import org.kinlink.translation.glossary.GlossaryTerm;
import org.kinlink.translation.glossary.Renderings;
import org.kinlink.translation.glossary.TermIndex;
import org.kinlink.translation.glossary.TermKind;
import org.kinlink.translation.tasks.QaCheck;
import org.kinlink.translation.tasks.QaFinding;
import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TranslationTask;

import org.springframework.stereotype.Component;

/**
 * Names consistent with the people module: when the message is linked to a person (by triage) whose Persian
 * name appears in a segment's source, the translation must write it with the person's registered Latin
 * spelling, so that a letter and the records about its addressee spell them alike. The full name asks for the
 * full Latin name; the family name alone asks for the Latin family name (Albanian case endings accepted:
 * Ahmadit, Ahmadin). The person is opened (and the read audited by the people module) only on submission.
 */
@Component
class NameSpellingCheck implements QaCheck {

	private final FamilyMessages messages;

	private final People people;

	NameSpellingCheck(FamilyMessages messages, People people) {
		this.messages = messages;
		this.people = people;
	}

	@Override
	public List<QaFinding> check(TranslationTask task, List<TaskSegment> segments, List<String> targets) {
		UUID personId = messages.summary(task.messageId()).personId();
		if (personId == null) {
			return List.of();
		}
		PersonDetails person = people.find(personId).details();
		if (blank(person.namePersian()) || blank(person.nameLatin())) {
			return List.of();
		}
		return check(person.namePersian(), person.nameLatin(), segments, targets);
	}

	static List<QaFinding> check(String persian, String latin, List<TaskSegment> segments, List<String> targets) {
		String persianFamily = lastWord(persian);
		String latinFamily = lastWord(latin);
		List<QaFinding> findings = new ArrayList<>();
		for (TaskSegment segment : segments) {
			String target = Targets.of(targets, segment);
			if (target.isEmpty()) {
				continue;
			}
			String wanted = null;
			if (contains(segment.source(), persian)) {
				wanted = latin;
			}
			else if (!persianFamily.equals(persian) && !latinFamily.equals(latin)
					&& contains(segment.source(), persianFamily)) {
				wanted = latinFamily;
			}
			if (wanted != null && !Renderings.usedIn(target, List.of(wanted))) {
				findings.add(new QaFinding(segment.number(), QaFinding.Kind.NAME_SPELLING, wanted));
			}
		}
		return findings;
	}

	/**
	 * Whether the name appears in the text as whole words, compared as glossary terms are (see MatchText), but
	 * not as part of a longer name joined by ZWNJ (احمدی in احمدی‌نژاد).
	 */
	static boolean contains(String text, String name) {
		GlossaryTerm term = new GlossaryTerm(UUID.randomUUID(), null, TermKind.TERM, name, List.of(name), null, 0, null, null);
		return TermIndex.of(List.of(term)).find(text).stream()
			.anyMatch(found -> !joined(text, found.end(), 1) && !joined(text, found.start() - 1, -1));
	}

	/** Whether a ZWNJ at the index joins a letter beyond it (step 1: after, -1: before). */
	private static boolean joined(String text, int index, int step) {
		int beyond = index + step;
		return index >= 0 && index < text.length() && text.charAt(index) == '\u200C' && beyond >= 0
				&& beyond < text.length() && Character.isLetter(text.charAt(beyond));
	}

	private static String lastWord(String name) {
		String[] words = name.strip().split("[\\s\u200C]+");
		return words[words.length - 1];
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
