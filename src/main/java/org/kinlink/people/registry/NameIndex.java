package org.kinlink.people.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.kinlink.people.NameQuery;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.names.NameForms;
import org.kinlink.people.names.NameSimilarity;
import org.kinlink.people.names.PersonScorer;
import org.kinlink.people.names.Skeleton;

/**
 * The persons' names held in memory and found by the consonant skeletons of their parts (see {@link Skeleton}).
 * <p>
 * Each person is kept as a few ints: the ids of their Persian name, Latin name and father's name in a table of
 * distinct strings (names repeat: a million persons have far fewer distinct names), and the year of birth. Two
 * inverted indexes point at them: <b>pair keys</b>, the skeletons of two parts of one name (order ignored, so a
 * family name written first still meets; a part may be two neighbouring parts joined, so امیرحسین meets Amir
 * Hossein), and <b>single keys</b>, the skeleton of one part. A query with two parts or more scores every person
 * sharing one of its pair keys: far fewer than share a common part (Mohammad Mohammadi, not every Mohammad).
 * When that gives fewer than the candidates asked for, or the query has one part, the single keys are read,
 * rarest first, at most {@link #SINGLE_BUDGET} persons, so a rare part still finds a person whose other part is
 * spelled beyond its skeleton.
 * <p>
 * Scoring is exact ({@link PersonScorer}'s value) but cheap: a name met again in the same query is not compared
 * again (per-query caches by name id), and a person whose father's name and year of birth alone keep them below
 * the tenth best is skipped without comparing names. The reasons are worked out for the persons returned only.
 * <p>
 * The database holds the names only sealed; this index is rebuilt from them at start and kept up to date as
 * persons are added. Thread-safe (many readers, one writer).
 */
final class NameIndex {

	/** How many persons the single-part postings may add when the pair postings are not enough. */
	static final int SINGLE_BUDGET = Integer.getInteger("kinlink.people.index.single-budget", 20_000);

	/** Parts of a name beyond these are not keyed (they still count in the score). */
	static final int MAX_PARTS = 6;

	/**
	 * From this floor on, a person found has every part of their name aligned with the query: a missing part
	 * counts 0.4 and the name's score is 0.7 × its weakest part + 0.3 × the mean, at most 0.58 with one missing.
	 * Persons sharing a pair of neighbouring parts (or, for a name of one part, the whole skeleton) are then all
	 * the candidates there are; below it, single parts are read too.
	 */
	static final double ALL_PARTS_ALIGNED = 0.6;

	private static final int NONE = -1;

	private static final int NO_YEAR = Integer.MIN_VALUE;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final Map<String, Posting> postings = new HashMap<>();

	private final Map<String, Integer> nameIds = new HashMap<>();

	private final List<String> names = new ArrayList<>();

	private final Map<UUID, Integer> slots = new HashMap<>();

	private long[] idHigh = new long[16];

	private long[] idLow = new long[16];

	private int[] persian = new int[16];

	private int[] latin = new int[16];

	private int[] father = new int[16];

	private int[] year = new int[16];

	private int size;

	private final ThreadLocal<Stamps> stamps = ThreadLocal.withInitial(Stamps::new);

	/** A scored person. */
	record Hit(UUID id, PersonScorer.Score score) {
	}

	/** Persons holding one key, in the order they were added. */
	private static final class Posting {

		int[] slots = new int[2];

		int size;

		void add(int slot) {
			if (size == slots.length) {
				slots = Arrays.copyOf(slots, size * 2);
			}
			slots[size++] = slot;
		}

	}

	/** Which slots one query has seen already (a stamp per slot, so nothing is cleared between queries). */
	private static final class Stamps {

		int[] seen = new int[0];

		int current;

		void next(int capacity) {
			if (seen.length < capacity || current == Integer.MAX_VALUE) {
				seen = new int[Math.max(capacity, seen.length)];
				current = 0;
			}
			current++;
		}

		boolean firstVisit(int slot) {
			if (seen[slot] == current) {
				return false;
			}
			seen[slot] = current;
			return true;
		}

	}

	int size() {
		lock.readLock().lock();
		try {
			return size;
		}
		finally {
			lock.readLock().unlock();
		}
	}

	boolean contains(UUID id) {
		lock.readLock().lock();
		try {
			return slots.containsKey(id);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	void add(UUID id, PersonDetails details) {
		lock.writeLock().lock();
		try {
			if (slots.containsKey(id)) {
				return;
			}
			int slot = size;
			if (slot == persian.length) {
				int capacity = slot * 2;
				idHigh = Arrays.copyOf(idHigh, capacity);
				idLow = Arrays.copyOf(idLow, capacity);
				persian = Arrays.copyOf(persian, capacity);
				latin = Arrays.copyOf(latin, capacity);
				father = Arrays.copyOf(father, capacity);
				year = Arrays.copyOf(year, capacity);
			}
			idHigh[slot] = id.getMostSignificantBits();
			idLow[slot] = id.getLeastSignificantBits();
			persian[slot] = intern(details.namePersian());
			latin[slot] = intern(details.nameLatin());
			father[slot] = intern(details.fatherName());
			year[slot] = details.birthYear() == null ? NO_YEAR : details.birthYear();
			slots.put(id, slot);
			size++;
			Set<String> keys = new LinkedHashSet<>();
			for (String name : new String[] { details.namePersian(), details.nameLatin() }) {
				List<Unit> units = units(name);
				pairKeys(units, keys);
				singleKeys(units, keys);
				wholeKey(units, keys);
			}
			for (String key : keys) {
				postings.computeIfAbsent(key, k -> new Posting()).add(slot);
			}
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/** The best {@code limit} persons scoring at least {@code floor}, best first (equal scores: added first first). */
	List<Hit> top(NameQuery query, int limit, double floor) {
		return top(query, limit, floor, null);
	}

	/** As {@link #top(NameQuery, int, double)}, leaving out one person (a person is not their own duplicate). */
	List<Hit> top(NameQuery query, int limit, double floor, UUID except) {
		List<String> soughtNames = names(query.namePersian(), query.nameLatin());
		if (soughtNames.isEmpty() || limit <= 0) {
			return List.of();
		}
		boolean whole = floor >= ALL_PARTS_ALIGNED;
		Set<String> pairKeys = new LinkedHashSet<>();
		Set<String> singleKeys = new LinkedHashSet<>();
		for (String name : soughtNames) {
			List<Unit> units = units(name);
			pairKeys(units, pairKeys);
			if (whole) {
				wholeKey(units, singleKeys);
			}
			else {
				singleKeys(units, singleKeys);
			}
		}
		lock.readLock().lock();
		try {
			Search search = new Search(soughtNames, query.fatherName(), query.birthYear(), limit, floor,
					except == null ? NONE : slots.getOrDefault(except, NONE));
			search.visit(pairKeys.stream().map(postings::get).filter(p -> p != null).toList(), Integer.MAX_VALUE);
			if (whole) {
				search.visit(singleKeys.stream().map(postings::get).filter(p -> p != null).toList(), Integer.MAX_VALUE);
			}
			else {
				// partial names too: rarest first: a rare part finds its persons before the budget goes on a common one
				search.visit(singleKeys.stream()
					.map(postings::get)
					.filter(p -> p != null)
					.sorted(Comparator.comparingInt((Posting p) -> p.size))
					.toList(), SINGLE_BUDGET);
			}
			PersonScorer.Description sought = new PersonScorer.Description(soughtNames, query.fatherName(), query.birthYear());
			List<Hit> hits = new ArrayList<>();
			for (int slot : search.best()) {
				hits.add(new Hit(new UUID(idHigh[slot], idLow[slot]), PersonScorer.score(sought, description(slot))));
			}
			return List.copyOf(hits);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** The person in a slot as a query (to look for their duplicates), or null past the end. */
	Stored stored(int slot) {
		lock.readLock().lock();
		try {
			if (slot < 0 || slot >= size) {
				return null;
			}
			UUID id = new UUID(idHigh[slot], idLow[slot]);
			return new Stored(id, new NameQuery(name(persian[slot]), name(latin[slot]), name(father[slot]),
					year[slot] == NO_YEAR ? null : year[slot]));
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** A person as stored: id and description. */
	record Stored(UUID id, NameQuery query) {
	}

	/** One query's scan: scores the persons met once each, keeps the best {@code limit} in a small heap. */
	private final class Search {

		private final List<String> soughtNames;

		private final String soughtFather;

		private final Integer soughtYear;

		private final int limit;

		private final double floor;

		private final int except;

		private final Stamps seen;

		private final Map<Integer, Double> nameScores = new HashMap<>();

		private final Map<Integer, Double> fatherFactors = new HashMap<>();

		/** Worst first: (score, slot); among equal scores the later-added slot is worse. */
		private final PriorityQueue<long[]> heap;

		private final double[] scores;

		private int nextScore;

		Search(List<String> soughtNames, String soughtFather, Integer soughtYear, int limit, double floor, int except) {
			this.soughtNames = soughtNames;
			this.soughtFather = soughtFather == null || soughtFather.isBlank() ? null : soughtFather;
			this.soughtYear = soughtYear;
			this.limit = limit;
			this.floor = floor;
			this.except = except;
			this.seen = stamps.get();
			this.seen.next(size);
			this.scores = new double[limit + 1];
			this.heap = new PriorityQueue<>(limit + 1, (a, b) -> {
				int byScore = Double.compare(scores[(int) a[0]], scores[(int) b[0]]);
				return byScore != 0 ? byScore : Long.compare(b[1], a[1]);
			});
		}

		int found() {
			return heap.size();
		}

		/**
		 * Scores the postings' persons not seen yet, at most {@code budget} of them, those whose father's name and
		 * year of birth allow the highest score first, so that once the best are found the rest are skipped without
		 * comparing names. Returns how many persons were new.
		 */
		int visit(List<Posting> postings, int budget) {
			TreeMap<Double, int[]> byBound = new TreeMap<>(Comparator.reverseOrder());
			Map<Double, Integer> filled = new HashMap<>();
			int visited = 0;
			for (Posting posting : postings) {
				int[] list = posting.slots;
				for (int i = 0; i < posting.size && visited < budget; i++) {
					int slot = list[i];
					if (!seen.firstVisit(slot) || slot == except) {
						continue;
					}
					visited++;
					double bound = fatherFactor(slot) * yearFactor(slot);
					if (bound < floor) {
						continue;
					}
					int[] bucket = byBound.get(bound);
					int at = filled.getOrDefault(bound, 0);
					if (bucket == null || at == bucket.length) {
						bucket = bucket == null ? new int[16] : Arrays.copyOf(bucket, at * 2);
						byBound.put(bound, bucket);
					}
					bucket[at] = slot;
					filled.put(bound, at + 1);
				}
			}
			for (Map.Entry<Double, int[]> bucket : byBound.entrySet()) {
				double bound = bucket.getKey();
				if (heap.size() == limit && bound < worst()) {
					break; // nobody left can enter the best
				}
				int[] slots = bucket.getValue();
				int count = filled.get(bound);
				for (int i = 0; i < count; i++) {
					consider(slots[i], bound);
				}
			}
			return visited;
		}

		private void consider(int slot, double bound) {
			if (heap.size() == limit && bound < worst()) {
				return;
			}
			double name = Math.max(nameScore(persian[slot]), nameScore(latin[slot]));
			double value = name * fatherFactor(slot) * yearFactor(slot); // in PersonScorer's order, to the last bit
			if (value < floor) {
				return;
			}
			if (heap.size() == limit) {
				long[] worst = heap.peek();
				double worstScore = scores[(int) worst[0]];
				// ties go to the lower slot, exactly as PersonScorer's order would (compare, not ==)
				int order = Double.compare(value, worstScore);
				if (order < 0 || order == 0 && slot > worst[1]) {
					return;
				}
				heap.poll();
				scores[(int) worst[0]] = value;
				heap.add(new long[] { worst[0], slot });
			}
			else {
				scores[nextScore] = value;
				heap.add(new long[] { nextScore++, slot });
			}
		}

		private double worst() {
			return scores[(int) heap.peek()[0]];
		}

		private double nameScore(int nameId) {
			if (nameId == NONE) {
				return 0;
			}
			Double known = nameScores.get(nameId);
			if (known == null) {
				double best = 0;
				String stored = names.get(nameId);
				for (String sought : soughtNames) {
					best = Math.max(best, NameSimilarity.compare(sought, stored).score());
				}
				known = best;
				nameScores.put(nameId, known);
			}
			return known;
		}

		private double fatherFactor(int slot) {
			int fatherId = father[slot];
			if (soughtFather == null || fatherId == NONE) {
				return 1.0;
			}
			return fatherFactors.computeIfAbsent(fatherId,
					id -> PersonScorer.fatherFactor(NameSimilarity.compare(soughtFather, names.get(id)).score()));
		}

		private double yearFactor(int slot) {
			return soughtYear == null || year[slot] == NO_YEAR ? 1.0 : PersonScorer.yearFactor(Math.abs((long) soughtYear - year[slot]));
		}

		/** The slots kept, best first. */
		List<Integer> best() {
			List<long[]> kept = new ArrayList<>(heap);
			kept.sort(Comparator.comparingDouble((long[] e) -> -scores[(int) e[0]]).thenComparingLong(e -> e[1]));
			return kept.stream().map(e -> (int) e[1]).toList();
		}

	}

	static PersonScorer.Description description(PersonDetails d) {
		return new PersonScorer.Description(names(d.namePersian(), d.nameLatin()), d.fatherName(), d.birthYear());
	}

	private PersonScorer.Description description(int slot) {
		return new PersonScorer.Description(names(name(persian[slot]), name(latin[slot])), name(father[slot]),
				year[slot] == NO_YEAR ? null : year[slot]);
	}

	private String name(int id) {
		return id == NONE ? null : names.get(id);
	}

	private int intern(String name) {
		if (name == null || name.isBlank()) {
			return NONE;
		}
		return nameIds.computeIfAbsent(name, n -> {
			names.add(n);
			return names.size() - 1;
		});
	}

	/** A part of a name (one token, or two neighbours joined) by its place and skeleton. */
	record Unit(int from, int to, String skeleton) {
	}

	/**
	 * A part's {@link Skeleton}, coarser where spellings of one name differ in a consonant the scorer forgives: zh
	 * and j (Manizheh, Manijeh, منیژه), q and k (Qasem, Kasem), and a final h (روح‌الله writes no h where Ruhollah
	 * does).
	 */
	static String skeleton(String token) {
		return Skeleton.of(token).replace('Z', 'j').replace('q', 'k');
	}

	/** A skeleton as keyed: a final h dropped, and d before j (Mohammadjavad, as Latin writes dj for j). */
	static String key(String skeleton) {
		String key = skeleton.replace("dj", "j");
		return key.length() > 1 && key.endsWith("h") ? key.substring(0, key.length() - 1) : key;
	}

	/** The parts of a name and each two neighbouring parts joined, as skeletons. */
	static List<Unit> units(String name) {
		List<String> tokens = NameForms.tokens(name);
		if (tokens.size() > MAX_PARTS) {
			tokens = tokens.subList(0, MAX_PARTS);
		}
		List<String> skeletons = tokens.stream().map(NameIndex::skeleton).toList();
		List<Unit> units = new ArrayList<>();
		for (int i = 0; i < skeletons.size(); i++) {
			units.add(new Unit(i, i + 1, key(skeletons.get(i))));
			if (i + 1 < skeletons.size()) {
				units.add(new Unit(i, i + 2, key(skeletons.get(i) + skeletons.get(i + 1))));
			}
		}
		return units;
	}

	/**
	 * Every two neighbouring parts, order ignored (a part may be two joined). Neighbours suffice: a name scoring a
	 * match aligns every part (a missing one costs too much), so it shares at least one pair of neighbours with the
	 * query, in order or with the family name moved to the front.
	 */
	static void pairKeys(List<Unit> units, Set<String> keys) {
		for (Unit a : units) {
			for (Unit b : units) {
				if (a.to() == b.from() && !(a.skeleton().isEmpty() && b.skeleton().isEmpty())) {
					boolean inOrder = a.skeleton().compareTo(b.skeleton()) <= 0;
					String first = inOrder ? a.skeleton() : b.skeleton();
					String second = inOrder ? b.skeleton() : a.skeleton();
					keys.add("p:" + first + "|" + second);
				}
			}
		}
	}

	/** A name of one part, or of two (which a query may write joined), by its whole skeleton. */
	static void wholeKey(List<Unit> units, Set<String> keys) {
		if (units.size() == 1 || units.size() == 3) {
			keys.add("w:" + units.get(units.size() == 1 ? 0 : 1).skeleton()); // two parts: t0, t0+t1, t1
		}
	}

	/** Each part (or two joined) with a skeleton (Ali's is one letter, l; a name of vowels only has none). */
	static void singleKeys(List<Unit> units, Set<String> keys) {
		for (Unit unit : units) {
			if (!unit.skeleton().isEmpty()) {
				keys.add("s:" + unit.skeleton());
			}
		}
	}

	private static List<String> names(String... names) {
		return Arrays.stream(names).filter(n -> n != null && !n.isBlank()).toList();
	}

}
