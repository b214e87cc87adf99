package org.kinlink.people.registry;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The node's {@link NameIndex}, filled from the sealed person rows: in the background once the application is
 * ready ({@code kinlink.people.index.warm-on-start}, default true; a search before it is done waits for it),
 * and before every search it takes in the persons any node added since (so several nodes agree).
 */
@Component
class PersonIndex {

	private static final Logger log = LoggerFactory.getLogger(PersonIndex.class);

	private final PersonRecords records;

	private final boolean warmOnStart;

	private final NameIndex index = new NameIndex();

	private Instant loadedUpTo = Instant.EPOCH;

	PersonIndex(PersonRecords records, @Value("${kinlink.people.index.warm-on-start:true}") boolean warmOnStart) {
		this.records = records;
		this.warmOnStart = warmOnStart;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		if (!warmOnStart) {
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				long start = System.nanoTime();
				current();
				log.info("name index built: {} persons in {} ms", index.size(), (System.nanoTime() - start) / 1_000_000);
			}
			catch (RuntimeException ex) {
				log.warn("name index not built at start (built at the first search instead): {}", ex.getMessage());
			}
		}, "people-name-index");
		thread.setDaemon(true);
		thread.start();
	}

	/** The index with every person written so far. */
	synchronized NameIndex current() {
		records.forEachCreatedSince(loadedUpTo, person -> {
			index.add(person.id(), person.details());
			if (person.createdAt().isAfter(loadedUpTo)) {
				loadedUpTo = person.createdAt();
			}
		});
		return index;
	}

}
