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
		Patch<String> patch = DiffUtils.diff(original, revised, SourceDiff::same);
		List<DiffPart> parts = new ArrayList<>();
		int position = 0;
		for (AbstractDelta<String> delta : patch.getDeltas()) {
			add(parts, original.subList(position, delta.getSource().getPosition()), Change.SAME);
			add(parts, delta.getSource().getLines(), Change.DELETED);
			add(parts, delta.getTarget().getLines(), Change.INSERTED);
			position = delta.getSource().getPosition() + delta.getSource().size();
		}
		add(parts, original.subList(position, original.size()), Change.SAME);
		return parts;
	}

	private static boolean same(String a, String b) {
		return MemoryText.normalize(a).equals(MemoryText.normalize(b));
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
