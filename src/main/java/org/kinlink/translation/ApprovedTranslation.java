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

	/** The segments joined as running text. */
	public String text() {
		return String.join(" ", segments);
	}

}
