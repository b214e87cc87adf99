package org.kinlink.portal.receipts;

import java.util.UUID;

/** What a receipt belongs to: a letter (messageId) or a tracing request (tracingRequestId), exactly one of them. */
public record ReceiptOwner(UUID messageId, UUID tracingRequestId) {

	public boolean isTracing() {
		return tracingRequestId != null;
	}

}
