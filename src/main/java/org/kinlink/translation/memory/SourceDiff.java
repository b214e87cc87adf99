package org.kinlink.translation.memory;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import org.kinlink.translation.tasks.Suggestion.DiffPart;
import org.kinlink.translation.tasks.Suggestion.DiffPart.Change;

/**
 * The differences between a memory unit's source and the segment's source, word by word (java-diff-utils over
 * words, spaces and marks compared in their normalised form): SAME and DELETED runs are the memory's text,
 * INSERTED runs the segment's, so the translator sees what to change in the memory's translation.
 */
final class SourceDiff {

	private SourceDiff() {
	}

	static List<DiffPart> between(String memorySource, String segmentSource) {
		List<String> original = MemoryText.pieces(memorySource);
		List<String> revised = MemoryText.pieces(segmentSource);
		Patch<String> patch = DiffUtils.diff(keys(original), keys(revised));
		List<DiffPart> parts = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			int from = delta.getSource().getPosition();
			int to = delta.getTarget().getPosition();
			add(parts, original.subList(position, from), Change.SAME);
			add(parts, original.subList(from, from + delta.getSource().size()), Change.DELETED);
			add(parts, revised.subList(to, to + delta.getTarget().size()), Change.INSERTED);
			position = from + delta.getSource().size();
		}
		add(parts, original.subList(position, original.size()), Change.SAME);
		return parts;
	}

	/** Each piece in its normalised form (white space as one space), computed once: what the diff compares. */
	private static List<String> keys(List<String> pieces) {
		List<String> keys = new ArrayList<>(pieces.size());
		for (String piece : pieces) {
			String key = MemoryText.normalize(piece);
			keys.add(key.isEmpty() && !piece.isEmpty() ? " " : key);
		}
		return keys;
	}

	private static void add(List<DiffPart> parts, List<String> pieces, Change change) {
		if (pieces.isEmpty()) {
			return;
		}
		String text = String.join("", pieces);
		if (!parts.isEmpty() && parts.get(parts.size() - 1).change() == change) {
			DiffPart last = parts.remove(parts.size() - 1);
			text = last.text() + text;
		}
		parts.add(new DiffPart(text, change));
	}

}
