package org.kinlink.media.uploads;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import me.desair.tus.server.exception.UploadAlreadyLockedException;
import me.desair.tus.server.upload.UploadId;
import me.desair.tus.server.upload.UploadIdFactory;
import me.desair.tus.server.upload.UploadLock;
import me.desair.tus.server.upload.UploadLockingService;

import org.springframework.stereotype.Component;

/**
 * Locks uploads across Kinlink nodes with a lease in the database (media.upload lock_owner, locked_until):
 * one request at a time appends to an upload, on whichever node it lands. The lease is renewed while bytes
 * flow and ends by itself if a node dies, so a client that reconnects elsewhere can resume.
 */
@Component
class LeaseLocks implements UploadLockingService {

	private final UploadRows rows;

	private final UploadSettings settings;

	private final Clock clock;

	private final String node = UUID.randomUUID().toString();

	private final ThreadLocal<Lease> held = new ThreadLocal<>();

	private UploadIdFactory idFactory;

	LeaseLocks(UploadRows rows, UploadSettings settings, Clock clock) {
		this.rows = rows;
		this.settings = settings;
		this.clock = clock;
	}

	/** A lease on the upload named by the URI; null when the URI names no upload (creation, or an unknown id). */
	@Override
	public UploadLock lockUploadByUri(String requestUri) throws UploadAlreadyLockedException {
		UploadId id = idFactory.readUploadId(requestUri);
		UUID uploadId = EncryptedUploadStorage.uuid(id);
		if (uploadId == null) {
			return null;
		}
		String owner = node + ":" + UUID.randomUUID();
		Instant now = clock.instant();
		if (rows.takeLease(uploadId, owner, now, now.plus(settings.lease()))) {
			Lease lease = new Lease(requestUri, uploadId, owner, now);
			held.set(lease);
			return lease;
		}
		if (rows.exists(uploadId)) {
			throw new UploadAlreadyLockedException("the upload is busy with another request");
		}
		return null;
	}

	/** Renews this thread's lease when a quarter of it has passed; called while a request streams bytes. */
	void renewHeld() {
		Lease lease = held.get();
		Instant now = clock.instant();
		if (lease != null && now.isAfter(lease.renewedAt.plus(settings.lease().dividedBy(4)))) {
			rows.renewLease(lease.uploadId, lease.owner, now.plus(settings.lease()));
			lease.renewedAt = now;
		}
	}

	@Override
	public void cleanupStaleLocks() {
		rows.clearStaleLeases(clock.instant());
	}

	@Override
	public boolean isLocked(UploadId id) {
		UUID uploadId = EncryptedUploadStorage.uuid(id);
		return uploadId != null && rows.leased(uploadId, clock.instant());
	}

	@Override
	public void setIdFactory(UploadIdFactory idFactory) {
		this.idFactory = idFactory;
	}

	/** One request's hold on one upload. */
	private final class Lease implements UploadLock {

		private final String uri;

		private final UUID uploadId;

		private final String owner;

		private Instant renewedAt;

		Lease(String uri, UUID uploadId, String owner, Instant renewedAt) {
			this.uri = uri;
			this.uploadId = uploadId;
			this.owner = owner;
			this.renewedAt = renewedAt;
		}

		@Override
		public String getUploadUri() {
			return uri;
		}

		@Override
		public void release() {
			rows.releaseLease(uploadId, owner);
			held.remove();
		}

		@Override
		public void close() {
			release();
		}

	}

}
