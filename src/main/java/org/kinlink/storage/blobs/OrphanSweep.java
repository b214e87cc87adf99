package org.kinlink.storage.blobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Removes what a crash, a failed write or a rolled-back transaction left in the blob store: unfinished writes
 * untouched for the grace period, and published objects without a {@code storage.blob} row. An object is
 * deleted only once it has been seen without a row for a whole grace period, because its row is written just
 * after it is published, in the caller's transaction (and S3 dates a multipart object from the upload's start).
 */
class OrphanSweep {

	private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final BlobStore store;

	private final Clock clock;

	private final Duration grace;

	/** Object name to when it was first seen old and without a row. */
	private final Map<String, Instant> suspects = new ConcurrentHashMap<>();

	OrphanSweep(JdbcClient jdbc, BlobStore store, Clock clock, Duration grace) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
		this.grace = grace;
	}

	/** What one sweep removed. */
	record Result(int pendingDiscarded, int orphansDeleted, int suspects) {
	}

	@Scheduled(initialDelayString = "${kinlink.storage.sweep.initial-delay:PT10M}",
			fixedDelayString = "${kinlink.storage.sweep.interval:PT1H}")
	void run() {
		try {
			Result result = sweep();
			if (result.pendingDiscarded() + result.orphansDeleted() > 0) {
				log.info("Blob sweep discarded {} unfinished writes and {} orphaned objects", result.pendingDiscarded(),
						result.orphansDeleted());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Blob sweep failed; it runs again later", ex);
		}
	}

	synchronized Result sweep() {
		Instant now = clock.instant();
		Instant cutoff = now.minus(grace);
		try {
			int pending = store.discardPendingUntouchedSince(cutoff);
			Set<String> orphans = new HashSet<>();
			try (Stream<BlobStore.StoredObject> objects = store.list()) {
				List<String> batch = new ArrayList<>(BATCH);
				objects.filter(object -> object.lastModified().isBefore(cutoff)).forEach(object -> {
					batch.add(object.name());
					if (batch.size() == BATCH) {
						orphans.addAll(withoutRow(batch));
						batch.clear();
					}
				});
				orphans.addAll(withoutRow(batch));
			}
			suspects.keySet().retainAll(orphans);
			int deleted = 0;
			for (String name : orphans) {
				Instant since = suspects.putIfAbsent(name, now);
				if (since != null && !since.isAfter(cutoff) && withoutRow(List.of(name)).contains(name)) {
					store.delete(name);
					suspects.remove(name);
					deleted++;
				}
			}
			return new Result(pending, deleted, suspects.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Set<String> withoutRow(List<String> names) {
		if (names.isEmpty()) {
			return Set.of();
		}
		Set<String> missing = new HashSet<>(names);
		missing.removeAll(jdbc.sql("select object_name from storage.blob where object_name = any(?)")
			.param(names.toArray(String[]::new))
			.query(String.class)
			.list());
		return missing;
	}

}
