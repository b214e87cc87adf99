package org.kinlink.translation.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/** The differences between two texts word by word (spaces kept), as runs that are the same, inserted or deleted. */
public final class WordDiff {

	private static final Pattern BETWEEN_WORDS = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

	private WordDiff() {
	}

	/** The runs that turn {@code before} into {@code after}: deletions come before the insertions replacing them. */
	public static List<Suggestion.DiffPart> between(String before, String after) {
		List<String> from = words(before);
		List<String> to = words(after);
		Patch<String> patch = DiffUtils.diff(from, to);
		List<Suggestion.DiffPart> parts = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			add(parts, from.subList(position, delta.getSource().getPosition()), Suggestion.DiffPart.Change.SAME);
			add(parts, delta.getSource().getLines(), Suggestion.DiffPart.Change.DELETED);
			add(parts, delta.getTarget().getLines(), Suggestion.DiffPart.Change.INSERTED);
			position = delta.getSource().getPosition() + delta.getSource().size();
		}
		add(parts, from.subList(position, from.size()), Suggestion.DiffPart.Change.SAME);
		return parts;
	}

	static List<String> words(String text) {
		return text == null || text.isEmpty() ? List.of() : List.of(BETWEEN_WORDS.split(text));
	}

	private static void add(List<Suggestion.DiffPart> parts, List<String> words, Suggestion.DiffPart.Change change) {
		if (words.isEmpty()) {
			return;
		}
		String text = String.join("", words);
		if (!parts.isEmpty() && parts.get(parts.size() - 1).change() == change) {
			Suggestion.DiffPart last = parts.remove(parts.size() - 1);
			text = last.text() + text;
		}
		parts.add(new Suggestion.DiffPart(text, change));
	}

}
