package org.kinlink.media.uploads;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes uploads nobody finished or claimed in time (an upload that stopped half way and never resumed):
 * their encrypted parts, their rows and their key, so nothing is orphaned. Leases of dead requests end too.
 */
@Component
class ExpiredUploads {

	private static final Logger log = LoggerFactory.getLogger(ExpiredUploads.class);

	private final UploadStore store;

	private final LeaseLocks locks;

	ExpiredUploads(UploadStore store, LeaseLocks locks) {
		this.store = store;
		this.locks = locks;
	}

	@Scheduled(initialDelayString = "${kinlink.uploads.cleanup-initial-delay:PT1M}",
			fixedDelayString = "${kinlink.uploads.cleanup-interval:PT10M}")
	void removeExpired() {
		locks.cleanupStaleLocks();
		int removed = store.removeExpired();
		if (removed > 0) {
			log.info("removed {} expired uploads", removed);
		}
	}

}
