package org.kinlink.translation.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The units of one language pair held in memory with an inverted index from each word to the units holding
 * it. A look-up probes only the postings of the query's rarest words: a unit scoring at least t% shares at
 * least ⌈t·m⌉ of the query's m words, so it holds one of the m − ⌈t·m⌉ + 1 rarest of them (prefix filter);
 * no match above the threshold is missed, and the candidates are then scored by word edit distance. Reads
 * share a lock, additions and removals take it alone.
 */
final class PairIndex {

	private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::score)
		.reversed()
		.thenComparing(Comparator.comparingInt(Candidate::entry).reversed());

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final Map<String, Integer> vocabulary = new HashMap<>();

	private int[][] postings = new int[1024][];

	private int[] postingSizes = new int[1024];

	private final ArrayList<Entry> entries = new ArrayList<>();

	private final Map<UUID, int[]> batches = new HashMap<>();

	private int live;

	/** Adds the units of a batch once; a batch already held is ignored (the loader and a listener may meet). */
	boolean add(MemoryBatch batch, List<MemoryUnit> units) {
		lock.writeLock().lock();
		try {
			if (batches.containsKey(batch.id())) {
				return false;
			}
			int first = entries.size();
			for (MemoryUnit unit : units) {
				String[] words = MemoryText.words(unit.source());
				int[] ids = new int[words.length];
				for (int i = 0; i < words.length; i++) {
					ids[i] = wordId(words[i]);
				}
				int index = entries.size();
				entries.add(new Entry(unit.source(), unit.target(), ids, MemoryText.normalize(unit.source()).hashCode(),
						batch));
				int[] distinct = ids.clone();
				Arrays.sort(distinct);
				for (int i = 0; i < distinct.length; i++) {
					if (i == 0 || distinct[i] != distinct[i - 1]) {
						post(distinct[i], index);
					}
				}
			}
			batches.put(batch.id(), new int[] { first, entries.size() });
			live += units.size();
			return true;
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/** Forgets a batch's units (their postings are skipped from now on). */
	boolean remove(UUID batchId) {
		lock.writeLock().lock();
		try {
			int[] range = batches.remove(batchId);
			if (range == null) {
				return false;
			}
			for (int i = range[0]; i < range[1]; i++) {
				entries.set(i, null);
			}
			live -= range[1] - range[0];
			return true;
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	int size() {
		lock.readLock().lock();
		try {
			return live;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/**
	 * The best units for a sentence (at most {@code limit}, one per distinct translation), scoring at least
	 * {@code minScore} (1 to 100).
	 */
	List<MemoryMatch> find(String sentence, int minScore, int limit) {
		String[] words = MemoryText.words(sentence);
		if (words.length == 0) {
			return List.of();
		}
		int normalHash = MemoryText.normalize(sentence).hashCode();
		String normal = null;
		lock.readLock().lock();
		try {
			int m = words.length;
			int[] ids = new int[m];
			int unknown = 0;
			for (int i = 0; i < m; i++) {
				Integer id = vocabulary.get(words[i]);
				ids[i] = id == null ? --unknown : id;
			}
			Integer[] order = new Integer[m];
			for (int i = 0; i < m; i++) {
				order[i] = i;
			}
			Arrays.sort(order, Comparator.comparingInt(i -> ids[i] < 0 ? 0 : postingSizes[ids[i]]));
			int need = (minScore * m + 99) / 100;
			int prefix = Math.min(m, m - need + 1);
			BitSet seen = new BitSet(entries.size());
			Map<String, Candidate> best = new HashMap<>();
			for (int p = 0; p < prefix; p++) {
				int id = ids[order[p]];
				if (id < 0) {
					continue;
				}
				int[] list = postings[id];
				for (int k = 0, size = postingSizes[id]; k < size; k++) {
					int index = list[k];
					if (seen.get(index)) {
						continue;
					}
					seen.set(index);
					Entry entry = entries.get(index);
					if (entry == null) {
						continue;
					}
					int longer = Math.max(m, entry.words.length);
					int limitDistance = longer * (100 - minScore) / 100;
					int distance = TokenDistance.between(ids, entry.words, limitDistance);
					if (distance > limitDistance) {
						continue;
					}
					int score = TokenDistance.score(distance, longer);
					if (distance == 0 && entry.normalHash == normalHash) {
						if (normal == null) {
							normal = MemoryText.normalize(sentence);
						}
						if (normal.equals(MemoryText.normalize(entry.source))) {
							score = 100;
						}
					}
					if (score < minScore) {
						continue;
					}
					Candidate candidate = new Candidate(index, score);
					best.merge(entry.target, candidate, (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
				}
			}
			List<Candidate> ranked = new ArrayList<>(best.values());
			ranked.sort(BEST_FIRST);
			List<MemoryMatch> matches = new ArrayList<>(Math.min(limit, ranked.size()));
			for (Candidate c : ranked.subList(0, Math.min(limit, ranked.size()))) {
				Entry entry = entries.get(c.entry());
				matches.add(new MemoryMatch(entry.source, entry.target, c.score(), entry.batch));
			}
			return matches;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	private int wordId(String word) {
		Integer id = vocabulary.get(word);
		if (id != null) {
			return id;
		}
		int next = vocabulary.size();
		vocabulary.put(word, next);
		if (next == postings.length) {
			postings = Arrays.copyOf(postings, next * 2);
			postingSizes = Arrays.copyOf(postingSizes, next * 2);
		}
		return next;
	}

	private void post(int wordId, int entry) {
		int[] list = postings[wordId];
		int size = postingSizes[wordId];
		if (list == null) {
			list = new int[2];
		}
		else if (size == list.length) {
			list = Arrays.copyOf(list, size + (size >> 1) + 1);
		}
		list[size] = entry;
		postings[wordId] = list;
		postingSizes[wordId] = size + 1;
	}

	private record Candidate(int entry, int score) {
	}

	/** A unit as held: texts, word ids, hash of the normalised source, and its batch. */
	private static final class Entry {

		final String source;

		final String target;

		final int[] words;

		final int normalHash;

		final MemoryBatch batch;

		Entry(String source, String target, int[] words, int normalHash, MemoryBatch batch) {
			this.source = source;
			this.target = target;
			this.words = words;
			this.normalHash = normalHash;
			this.batch = batch;
		}

	}

}
