package org.kinlink.translation.memory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the translation memory (prefix kinlink.translation.memory): the lowest score shown in the
 * editor, how many matches per segment, the largest TMX file taken in, and whether the index is built after
 * start-up (off only for tools that build it themselves).
 *
 * @param minScore lowest fuzzy score (50 to 100) shown as a suggestion
 * @param suggestions most matches shown per segment
 * @param importMaxSize largest TMX upload
 * @param loadOnStart build the index from the sealed units once the application is ready
 */
@ConfigurationProperties("kinlink.translation.memory")
record MemorySettings(@DefaultValue("70") int minScore, @DefaultValue("3") int suggestions,
		@DefaultValue("25MB") DataSize importMaxSize, @DefaultValue("true") boolean loadOnStart) {

	MemorySettings {
		if (minScore < 50 || minScore > 100) {
			throw new IllegalArgumentException("kinlink.translation.memory.min-score must be between 50 and 100");
		}
		if (suggestions < 1) {
			throw new IllegalArgumentException("kinlink.translation.memory.suggestions must be at least 1");
		}
	}

}
