package org.kinlink.portal.web;

import java.util.Optional;
import java.util.UUID;

import org.kinlink.portal.receipts.IssuedReceipt;
import org.kinlink.portal.receipts.Receipt;
import org.kinlink.portal.receipts.ReceiptOwner;
import org.kinlink.portal.receipts.Receipts;
import org.kinlink.tracing.FamilyTracing;
import org.kinlink.tracing.TracingAnswer;
import org.kinlink.tracing.TracingSubmission;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the portal does with tracing requests: store one with its receipt in one transaction, and read the
 * answer behind a tracing receipt.
 */
@Service
class TracingDesk {

	private final FamilyTracing tracing;

	private final Receipts receipts;

	private final FormKeys formKeys;

	private final TransactionTemplate transactions;

	TracingDesk(FamilyTracing tracing, Receipts receipts, FormKeys formKeys, TransactionTemplate transactions) {
		this.tracing = tracing;
		this.receipts = receipts;
		this.formKeys = formKeys;
		this.transactions = transactions;
	}

	/**
	 * Stores the request and its receipt, all or nothing; empty when this form key was used before. The receipt
	 * is hashed before the transaction opens, and shown only after commit.
	 */
	Optional<Receipt> submit(TracingSubmission submission, String formKey) {
		if (formKey != null && formKeys.used(formKey)) {
			return Optional.empty();
		}
		IssuedReceipt issued = receipts.newReceipt();
		return transactions.execute(tx -> {
			if (formKey != null && !formKeys.claim(formKey)) {
				return Optional.empty();
			}
			receipts.storeForTracing(issued, tracing.submit(submission));
			return Optional.of(issued.receipt());
		});
	}

	/** The tracing request of a typed receipt; {@link UnknownReceiptException} for any other, as for a wrong one. */
	UUID open(String typedReceipt) {
		Receipt receipt = Receipt.parse(typedReceipt).orElseThrow(UnknownReceiptException::new);
		return receipts.owner(receipt)
			.filter(ReceiptOwner::isTracing)
			.map(ReceiptOwner::tracingRequestId)
			.orElseThrow(UnknownReceiptException::new);
	}

	TracingAnswer answer(UUID requestId) {
		return tracing.answer(requestId);
	}

}
