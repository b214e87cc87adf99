package org.kinlink.media.uploads;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import me.desair.tus.server.HttpMethod;
import me.desair.tus.server.TusFileUploadService;
import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.upload.UploadLock;
import me.desair.tus.server.util.TusServletRequest;
import me.desair.tus.server.util.TusServletResponse;

/**
 * tus 1.0 (core, creation, termination, expiration) on Kinlink's encrypted storage and database leases.
 * Checksum and concatenation are off: a part is kept as it arrived, whole. A request that finds its upload
 * busy gets 423 Locked (the library itself would answer 200 with nothing), which tus clients retry. HEAD
 * takes no lease: it reads the committed offset.
 */
class TusProtocol extends TusFileUploadService {

	static final String PATH = "/api/v1/portal/uploads";

	private final LeaseLocks locks;

	TusProtocol(EncryptedUploadStorage storage, LeaseLocks locks, UploadSettings settings) {
		this.locks = locks;
		withUploadUri(PATH);
		withUploadStorageService(storage);
		withUploadLockingService(locks);
		// after the storage: withUploadStorageService copies the old (disk) service's limits over
		withMaxUploadSize(settings.maxSize());
		withUploadExpirationPeriod(settings.expiry().toMillis());
		disableTusExtension("checksum");
		disableTusExtension("concatenation");
	}

	@Override
	public void process(HttpServletRequest servletRequest, HttpServletResponse servletResponse, String ownerKey)
			throws IOException {
		HttpMethod method = HttpMethod.getMethodIfSupported(servletRequest, getSupportedHttpMethods());
		TusServletRequest request = new TusServletRequest(servletRequest, false);
		TusServletResponse response = new TusServletResponse(servletResponse);
		// Only what changes an upload takes its lease: a HEAD must not make a PATCH that arrives meanwhile fail.
		boolean changes = method == HttpMethod.PATCH || method == HttpMethod.DELETE;
		try (UploadLock lock = changes ? locks.lockUploadByUri(request.getRequestURI()) : null) {
			processLockedRequest(method, request, response, ownerKey);
		}
		catch (TusException ex) {
			response.setHeader("Tus-Resumable", TUS_API_VERSION);
			response.setStatus(ex.getStatus());
		}
	}

}
