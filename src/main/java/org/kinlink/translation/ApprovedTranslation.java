package org.kinlink.translation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An approved translation of one message into one target language ("sq" or "en"), segment by segment, with
 * who translated and who approved it.
 */
public record ApprovedTranslation(UUID messageId, String targetLanguage, List<String> segments, String translator,
		String reviewer, Instant approvedAt) {

	/**
	 * The segments one per line. Segments end at every line break of the letter and at sentence ends, so this
	 * keeps the letter's line structure (a line of several sentences becomes several lines); readers that can
	 * should lay out {@link #segments()} themselves.
	 */
	public String text() {
		return String.join("\n", segments);
	}

}
