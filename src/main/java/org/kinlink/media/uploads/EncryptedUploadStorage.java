package org.kinlink.media.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.exception.UploadNotFoundException;
import me.desair.tus.server.upload.UploadId;
import me.desair.tus.server.upload.UploadIdFactory;
import me.desair.tus.server.upload.UploadInfo;
import me.desair.tus.server.upload.UploadLockingService;
import me.desair.tus.server.upload.UploadStorageService;
import me.desair.tus.server.upload.concatenation.UploadConcatenationService;

import org.springframework.stereotype.Component;

/**
 * tus-java-server's storage port on Kinlink's encrypted parts ({@link UploadStore}) instead of its plaintext
 * DiskStorageService. Only open uploads (neither claimed by a letter nor expired) exist for the protocol, so
 * an upload id tells nothing once its letter is sent. Metadata is not kept except the sealed file name; the
 * client's address, which the library reads, is never stored.
 */
@Component
class EncryptedUploadStorage implements UploadStorageService {

	private final UploadRows rows;

	private final UploadStore store;

	private final LeaseLocks locks;

	private final UploadSettings settings;

	private final Clock clock;

	private UploadIdFactory idFactory;

	private long maxUploadSize;

	private Long expirationPeriod;

	private UploadConcatenationService concatenation;

	EncryptedUploadStorage(UploadRows rows, UploadStore store, LeaseLocks locks, UploadSettings settings, Clock clock) {
		this.rows = rows;
		this.store = store;
		this.locks = locks;
		this.settings = settings;
		this.clock = clock;
		this.maxUploadSize = settings.maxSize();
		this.expirationPeriod = settings.expiry().toMillis();
	}

	@Override
	public UploadInfo getUploadInfo(String uploadUri, String ownerKey) {
		return getUploadInfo(idFactory.readUploadId(uploadUri));
	}

	@Override
	public UploadInfo getUploadInfo(UploadId id) {
		return open(id).map(this::info).orElse(null);
	}

	@Override
	public String getUploadUri() {
		return idFactory.getUploadUri();
	}

	@Override
	public UploadInfo append(UploadInfo info, InputStream in) throws IOException, TusException {
		UploadRows.Upload upload = open(info.getId()).orElseThrow(() -> new UploadNotFoundException("no such upload"));
		if (upload.complete()) {
			return info(upload);
		}
		long length = upload.declaredLength() != null ? upload.declaredLength() : maxUploadSize;
		store.append(upload, in, length - upload.received(), locks::renewHeld);
		return getUploadInfo(info.getId());
	}

	@Override
	public void setMaxUploadSize(Long maxUploadSize) {
		this.maxUploadSize = maxUploadSize == null || maxUploadSize <= 0 ? settings.maxSize() : maxUploadSize;
	}

	@Override
	public long getMaxUploadSize() {
		return maxUploadSize;
	}

	@Override
	public UploadInfo create(UploadInfo info, String ownerKey) {
		Long length = info.getLength();
		String fileName = info.hasMetadata() ? info.getMetadata().get("filename") : null;
		UUID id = store.open(length, fileName);
		return getUploadInfo(new UploadId(id));
	}

	@Override
	public void update(UploadInfo info) throws UploadNotFoundException {
		UploadRows.Upload upload = open(info.getId()).orElseThrow(() -> new UploadNotFoundException("no such upload"));
		Instant now = clock.instant();
		if (upload.declaredLength() == null && info.getLength() != null) {
			rows.declareLength(upload.id(), Math.min(info.getLength(), maxUploadSize), now);
		}
		// Each request that brings bytes starts the waiting time again (sliding expiry).
		rows.extend(upload.id(), now.plus(settings.expiry()));
	}

	@Override
	public InputStream getUploadedBytes(String uploadUri, String ownerKey) throws UploadNotFoundException {
		return getUploadedBytes(idFactory.readUploadId(uploadUri));
	}

	@Override
	public InputStream getUploadedBytes(UploadId id) throws UploadNotFoundException {
		UploadRows.Upload upload = open(id).orElseThrow(() -> new UploadNotFoundException("no such upload"));
		return store.read(upload.id());
	}

	@Override
	public void copyUploadTo(UploadInfo info, OutputStream out) throws UploadNotFoundException, IOException {
		try (InputStream in = getUploadedBytes(info.getId())) {
			in.transferTo(out);
		}
	}

	@Override
	public void cleanupExpiredUploads(UploadLockingService lockingService) {
		store.removeExpired();
	}

	@Override
	public void removeLastNumberOfBytes(UploadInfo info, long bytes) {
		if (bytes > 0 && info != null && info.getId() != null) {
			open(info.getId()).ifPresent(upload -> store.dropLast(upload.id(), bytes));
		}
	}

	@Override
	public void terminateUpload(UploadInfo info) throws UploadNotFoundException {
		UploadRows.Upload upload = open(info.getId()).orElseThrow(() -> new UploadNotFoundException("no such upload"));
		store.remove(upload.id());
	}

	@Override
	public Long getUploadExpirationPeriod() {
		return expirationPeriod;
	}

	@Override
	public void setUploadExpirationPeriod(Long period) {
		this.expirationPeriod = period == null ? settings.expiry().toMillis() : period;
	}

	@Override
	public void setUploadConcatenationService(UploadConcatenationService concatenation) {
		this.concatenation = concatenation;
	}

	@Override
	public UploadConcatenationService getUploadConcatenationService() {
		return concatenation;
	}

	@Override
	public void setIdFactory(UploadIdFactory idFactory) {
		this.idFactory = idFactory;
	}

	private Optional<UploadRows.Upload> open(UploadId id) {
		UUID uuid = uuid(id);
		return uuid == null ? Optional.empty() : rows.findOpen(uuid, clock.instant());
	}

	static UUID uuid(UploadId id) {
		if (id == null) {
			return null;
		}
		Object value = id.getOriginalObject();
		if (value instanceof UUID uuid) {
			return uuid;
		}
		try {
			return UUID.fromString(String.valueOf(value));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private UploadInfo info(UploadRows.Upload upload) {
		UploadInfo info = new UploadInfo();
		info.setId(new UploadId(upload.id()));
		info.setLength(upload.declaredLength());
		info.setOffset(upload.received());
		info.updateExpiration(Math.max(0, Duration.between(clock.instant(), upload.expiresAt()).toMillis()));
		return info;
	}

}
