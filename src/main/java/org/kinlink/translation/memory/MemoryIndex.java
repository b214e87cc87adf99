package org.kinlink.translation.memory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The whole translation memory in clear in this process, one {@link PairIndex} per language pair: filled by
 * {@link MemoryLoader} from the sealed pages after start-up and kept up to date as batches are committed.
 * Until the loader is done, look-ups see what is loaded so far. Safe for concurrent use.
 */
@Component
class MemoryIndex {

	private final Map<LanguagePair, PairIndex> pairs = new ConcurrentHashMap<>();

	private volatile boolean ready;

	void add(MemoryBatch batch, List<MemoryUnit> units) {
		pairs.computeIfAbsent(batch.pair(), pair -> new PairIndex()).add(batch, units);
	}

	void remove(UUID batchId) {
		pairs.values().forEach(index -> index.remove(batchId));
	}

	List<MemoryMatch> find(LanguagePair pair, String sentence, int minScore, int limit) {
		PairIndex index = pairs.get(pair);
		return index == null ? List.of() : index.find(sentence, minScore, limit);
	}

	int size(LanguagePair pair) {
		PairIndex index = pairs.get(pair);
		return index == null ? 0 : index.size();
	}

	int size() {
		return pairs.values().stream().mapToInt(PairIndex::size).sum();
	}

	/** Whether every batch stored at start-up is in the index. */
	boolean ready() {
		return ready;
	}

	void markReady() {
		ready = true;
	}

}
