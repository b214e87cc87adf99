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
 * it. A unit scoring at least t% shares at least need = ⌈t·m⌉ of the query's m words. A look-up walks only
 * the postings of the query's rare words R (at least the m − need + 1 rarest, the prefix filter, plus every
 * word no more frequent than a cap), counting per unit how many of them it holds; a unit must hold at least
 * need − (m − |R|) of them, then share enough words in all, then is scored by a banded word edit distance.
 * No match above the threshold is missed. Reads share a lock, additions and removals take it alone.
 */
final class PairIndex {

	private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::score)
		.reversed()
		.thenComparing(Comparator.comparingInt(Candidate::entry).reversed());

	/** Per thread, a counter per unit of how many of the query's rare words it holds (reset after each look-up). */
	private static final ThreadLocal<int[]> COUNTS = ThreadLocal.withInitial(() -> new int[0]);

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
				String normal = MemoryText.normalize(unit.source());
				String[] words = MemoryText.wordsOfNormal(normal);
				int[] ids = new int[words.length];
				for (int i = 0; i < words.length; i++) {
					ids[i] = wordId(words[i]);
				}
				int index = entries.size();
				entries.add(new Entry(unit.source(), unit.target(), ids, normal.hashCode(), batch));
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
		String normal = MemoryText.normalize(sentence);
		String[] words = MemoryText.wordsOfNormal(normal);
		if (words.length == 0) {
			return List.of();
		}
		int normalHash = normal.hashCode();
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
			Arrays.sort(order, Comparator.comparingInt(i -> df(ids[i])));
			BitSet inQuery = new BitSet();
			for (int id : ids) {
				if (id >= 0) {
					inQuery.set(id);
				}
			}
			int need = (minScore * m + 99) / 100;
			// The rarest words R (at least the prefix m - need + 1, then every word no more frequent than the cap):
			// a unit sharing need words with the query shares at least need - (m - |R|) >= 1 of them with R.
			int rare = Math.min(m, m - need + 1);
			int cap = Math.max(256, entries.size() / 64);
			while (rare < m && df(ids[order[rare]]) <= cap) {
				rare++;
			}
			int atLeast = need - (m - rare);
			int[] counts = COUNTS.get();
			if (counts.length < entries.size()) {
				counts = new int[entries.size() + 1024];
				COUNTS.set(counts);
			}
			int[] touched = new int[64];
			int touchedSize = 0;
			for (int r = 0; r < rare; r++) {
				int id = ids[order[r]];
				if (id < 0) {
					continue;
				}
				int[] list = postings[id];
				for (int k = 0, size = postingSizes[id]; k < size; k++) {
					int index = list[k];
					if (counts[index]++ == 0) {
						if (touchedSize == touched.length) {
							touched = Arrays.copyOf(touched, touchedSize * 2);
						}
						touched[touchedSize++] = index;
					}
				}
			}
			Map<String, Candidate> best = new HashMap<>();
			for (int t = 0; t < touchedSize; t++) {
				int index = touched[t];
				int count = counts[index];
				counts[index] = 0;
				if (count < atLeast) {
					continue;
				}
				Entry entry = entries.get(index);
				if (entry == null) {
					continue;
				}
				int longer = Math.max(m, entry.words.length);
				int limitDistance = longer * (100 - minScore) / 100;
				if (longer - shared(entry.words, inQuery, m) > limitDistance) {
					continue; // too few words in common: the distance is at least the longer length minus them
				}
				int distance = TokenDistance.between(ids, entry.words, limitDistance);
				if (distance > limitDistance) {
					continue;
				}
				int score = TokenDistance.score(distance, longer);
				if (distance == 0 && entry.normalHash == normalHash && normal.equals(MemoryText.normalize(entry.source))) {
					score = 100;
				}
				if (score < minScore) {
					continue;
				}
				best.merge(entry.target, new Candidate(index, score), (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
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

	private int df(int wordId) {
		return wordId < 0 ? 0 : postingSizes[wordId];
	}

	/** An upper bound of the words a unit shares with the query (at most the query's length). */
	private static int shared(int[] words, BitSet inQuery, int queryLength) {
		int shared = 0;
		for (int word : words) {
			if (inQuery.get(word)) {
				shared++;
			}
		}
		return Math.min(shared, queryLength);
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
