package org.kinlink.people.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.kinlink.people.NameQuery;
import org.kinlink.people.PersonDetails;
import org.kinlink.people.names.PersonScorer;
import org.kinlink.people.names.Skeleton;

/**
 * Benchmark baseline only: the name index as it was before issue #5 item 11 (counts the skeleton keys each person
 * shares with the query, father's name and year included, and scores the 200 sharing the most), run side by side
 * with {@link NameIndex} so that both are timed under the same load.
 */
final class ShortlistIndexBaseline {

	/** How many of the persons sharing the most skeletons the scorer looks at. */
	static final int SHORTLIST = 200;

	private static final String FATHER = "f:";

	private static final String YEAR = "y:";

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final Map<String, int[]> postings = new HashMap<>();

	private final Map<String, Integer> postingSizes = new HashMap<>();

	private final List<Entry> entries = new ArrayList<>();

	private final Map<UUID, Integer> slots = new HashMap<>();

	/** A person as the index keeps them: id and what the scorer reads. */
	record Entry(UUID id, PersonScorer.Description description) {
	}

	/** A scored person. */
	record Hit(UUID id, PersonScorer.Score score) {
	}

	int size() {
		lock.readLock().lock();
		try {
			return slots.size();
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
			int slot = entries.size();
			entries.add(new Entry(id, description(details)));
			slots.put(id, slot);
			Set<String> keys = new HashSet<>(Skeleton.keys(details.namePersian()));
			keys.addAll(Skeleton.keys(details.nameLatin()));
			// the father's name and the year of birth rank equally named persons
			Skeleton.keys(details.fatherName()).forEach(key -> keys.add(FATHER + key));
			if (details.birthYear() != null) {
				keys.add(YEAR + details.birthYear());
			}
			for (String key : keys) {
				int size = postingSizes.getOrDefault(key, 0);
				int[] list = postings.get(key);
				if (list == null || list.length == size) {
					list = list == null ? new int[4] : Arrays.copyOf(list, size * 2);
					postings.put(key, list);
				}
				list[size] = slot;
				postingSizes.put(key, size + 1);
			}
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	/** The best {@code limit} persons scoring at least {@code threshold}, best first. */
	List<Hit> top(NameQuery query, int limit, double threshold) {
		PersonScorer.Description sought = new PersonScorer.Description(names(query.namePersian(), query.nameLatin()),
				query.fatherName(), query.birthYear());
		Set<String> keys = new HashSet<>();
		sought.names().forEach(name -> keys.addAll(Skeleton.keys(name)));
		Skeleton.keys(query.fatherName()).forEach(key -> keys.add(FATHER + key));
		if (query.birthYear() != null) {
			for (int year = query.birthYear() - 2; year <= query.birthYear() + 2; year++) {
				keys.add(YEAR + year);
			}
		}
		lock.readLock().lock();
		try {
			int[] shared = new int[entries.size()];
			int most = 0;
			List<Integer> touched = new ArrayList<>();
			for (String key : keys) {
				int[] list = postings.get(key);
				int size = postingSizes.getOrDefault(key, 0);
				for (int i = 0; i < size; i++) {
					if (shared[list[i]]++ == 0) {
						touched.add(list[i]);
					}
					most = Math.max(most, shared[list[i]]);
				}
			}
			// the persons sharing the most skeletons first, without sorting them all
			List<List<Integer>> byShared = new ArrayList<>();
			for (int i = 0; i <= most; i++) {
				byShared.add(new ArrayList<>());
			}
			touched.forEach(slot -> byShared.get(shared[slot]).add(slot));
			List<Integer> shortlist = new ArrayList<>(SHORTLIST);
			for (int count = most; count > 0 && shortlist.size() < SHORTLIST; count--) {
				List<Integer> bucket = byShared.get(count);
				shortlist.addAll(bucket.subList(0, Math.min(bucket.size(), SHORTLIST - shortlist.size())));
			}
			List<Hit> hits = new ArrayList<>();
			for (int slot : shortlist) {
				Entry entry = entries.get(slot);
				PersonScorer.Score score = PersonScorer.score(sought, entry.description());
				if (score.value() >= threshold) {
					hits.add(new Hit(entry.id(), score));
				}
			}
			hits.sort(Comparator.comparingDouble((Hit h) -> h.score().value()).reversed());
			return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	static PersonScorer.Description description(PersonDetails d) {
		return new PersonScorer.Description(names(d.namePersian(), d.nameLatin()), d.fatherName(), d.birthYear());
	}

	private static List<String> names(String... names) {
		return Arrays.stream(names).filter(n -> n != null && !n.isBlank()).toList();
	}

}
