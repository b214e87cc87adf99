package org.kinlink.translation.memory;

import org.kinlink.storage.SealBrokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the index from the sealed pages once the application is ready, on a thread of its own, so the server
 * starts and answers at once; until the load is done the editor shows the matches loaded so far and says the
 * memory is still loading. A batch that no longer opens (its key was shredded) is skipped.
 */
@Component
class MemoryLoader {

	private static final Logger log = LoggerFactory.getLogger(MemoryLoader.class);

	private final MemoryStore store;

	private final MemoryIndex index;

	private final MemorySettings settings;

	MemoryLoader(MemoryStore store, MemoryIndex index, MemorySettings settings) {
		this.store = store;
		this.index = index;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!settings.loadOnStart()) {
			return;
		}
		Thread loader = new Thread(this::load, "memory-index-loader");
		loader.setDaemon(true);
		loader.setPriority(Thread.NORM_PRIORITY - 1);
		loader.start();
	}

	/** Opens every batch, oldest first, and adds it to the index; returns the number of units loaded. */
	int load() {
		long started = System.nanoTime();
		int units = 0;
		int skipped = 0;
		try {
			for (MemoryBatch batch : store.batches()) {
				try {
					var opened = store.open(batch);
					index.add(batch, opened);
					units += opened.size();
				}
				catch (SealBrokenException ex) {
					skipped++;
				}
			}
			log.info("Translation memory loaded: {} units in {} ms ({} batches do not open)", units,
					(System.nanoTime() - started) / 1_000_000, skipped);
		}
		catch (RuntimeException ex) {
			log.warn("Translation memory could not be loaded: {}", ex.getClass().getSimpleName());
		}
		finally {
			index.markReady();
		}
		return units;
	}

}
