package org.kinlink.tracing.requests;

import java.util.UUID;

import org.kinlink.storage.Vault;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Seals a request's details and the caseworker's note under the request's key, each bound to the request id. */
@Component
class TracingSeal {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Vault vault;

	TracingSeal(Vault vault) {
		this.vault = vault;
	}

	UUID newKey() {
		return vault.newKey();
	}

	byte[] sealDetails(UUID keyId, UUID requestId, TracingDetails details) {
		return vault.sealText(keyId, JSON.writeValueAsString(details), "tracing.details:" + requestId);
	}

	TracingDetails openDetails(TracingRequest request) {
		String json = vault.openText(request.keyId(), request.details(), "tracing.details:" + request.id());
		return JSON.readValue(json, TracingDetails.class);
	}

	byte[] sealNote(UUID keyId, UUID requestId, String note) {
		return vault.sealText(keyId, note, "tracing.note:" + requestId);
	}

	String openNote(TracingRequest request) {
		return vault.openText(request.keyId(), request.note(), "tracing.note:" + request.id());
	}

}
