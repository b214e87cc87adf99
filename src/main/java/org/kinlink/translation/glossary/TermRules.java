package org.kinlink.translation.glossary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.kinlink.shared.text.HostileCharacters;
import org.kinlink.shared.text.PersianText;

/**
 * What a glossary entry must be, for the form and for imports alike: a term and at least one rendering, within
 * their lengths, free of hidden characters, and nothing that looks like personal contact data (an e-mail
 * address or a telephone number): a glossary is INTERNAL and shared by every translator.
 */
final class TermRules {

	static final int MAX_TERM = 200;

	static final int MAX_RENDERINGS = 10;

	static final int MAX_NOTE = 500;

	private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}");

	/** Seven digits or more, possibly with a leading plus and separators: a telephone number. */
	private static final Pattern PHONE = Pattern.compile("\\+?\\d(?:[\\s().\\-/]*\\d){6,}");

	private TermRules() {
	}

	/** The draft with its texts normalised, renderings trimmed and without repeats. */
	static TermDraft clean(TermKind kind, String term, List<String> renderings, String note) {
		LinkedHashSet<String> kept = new LinkedHashSet<>();
		for (String rendering : renderings) {
			String text = PersianText.normalize(rendering);
			if (text != null && !text.isEmpty()) {
				kept.add(text);
			}
		}
		String cleanNote = PersianText.normalize(note);
		return new TermDraft(kind == null ? TermKind.TERM : kind, PersianText.normalize(term), new ArrayList<>(kept),
				cleanNote == null || cleanNote.isEmpty() ? null : cleanNote);
	}

	/** What is wrong with the draft: field (term, renderings, note) to message code; empty when it may be kept. */
	static Map<String, String> problems(TermDraft draft) {
		Map<String, String> problems = new LinkedHashMap<>();
		String term = draft.term();
		if (term == null || MatchText.key(term).codePoints().noneMatch(Character::isLetterOrDigit)) {
			problems.put("term", "glossary.error.termRequired");
		}
		else if (term.length() > MAX_TERM) {
			problems.put("term", "glossary.error.tooLong");
		}
		else if (hidden(term)) {
			problems.put("term", "glossary.error.hiddenCharacters");
		}
		else if (contact(term)) {
			problems.put("term", "glossary.error.contactData");
		}
		if (draft.renderings().isEmpty()) {
			problems.put("renderings", "glossary.error.renderingRequired");
		}
		else if (draft.renderings().size() > MAX_RENDERINGS) {
			problems.put("renderings", "glossary.error.tooManyRenderings");
		}
		else if (draft.renderings().stream().anyMatch(r -> r.length() > MAX_TERM)) {
			problems.put("renderings", "glossary.error.tooLong");
		}
		else if (draft.renderings().stream().anyMatch(r -> r.contains("|"))) {
			problems.put("renderings", "glossary.error.bar");
		}
		else if (draft.renderings().stream().anyMatch(TermRules::hidden)) {
			problems.put("renderings", "glossary.error.hiddenCharacters");
		}
		else if (draft.renderings().stream().anyMatch(TermRules::contact)) {
			problems.put("renderings", "glossary.error.contactData");
		}
		String note = draft.note();
		if (note != null && note.length() > MAX_NOTE) {
			problems.put("note", "glossary.error.noteTooLong");
		}
		else if (note != null && hidden(note)) {
			problems.put("note", "glossary.error.hiddenCharacters");
		}
		else if (note != null && contact(note)) {
			problems.put("note", "glossary.error.contactData");
		}
		return problems;
	}

	private static boolean hidden(String text) {
		return HostileCharacters.firstIn(text, false).isPresent();
	}

	static boolean contact(String text) {
		String latin = PersianText.latinDigits(text);
		return EMAIL.matcher(latin).find() || PHONE.matcher(latin).find();
	}

}
