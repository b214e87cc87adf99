package org.kinlink.portal.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.media.MediaFiles;

import org.kinlink.messages.FamilyMessages;
import org.kinlink.messages.FamilyView;
import org.kinlink.messages.LetterSubmission;
import org.kinlink.portal.receipts.IssuedReceipt;
import org.kinlink.portal.receipts.Receipt;
import org.kinlink.portal.receipts.ReceiptOwner;
import org.kinlink.portal.receipts.Receipts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the portal's pages and API do: store a letter with its files and its receipt in one transaction (S19),
 * find a letter by receipt, show its status and take the family's answers.
 */
@Service
class PortalDesk {

	private final FamilyMessages messages;

	private final Receipts receipts;

	private final FormKeys formKeys;

	private final TransactionTemplate transactions;

	private final MediaFiles media;

	PortalDesk(FamilyMessages messages, Receipts receipts, FormKeys formKeys, TransactionTemplate transactions,
			MediaFiles media) {
		this.messages = messages;
		this.media = media;
		this.receipts = receipts;
		this.formKeys = formKeys;
		this.transactions = transactions;
	}

	/**
	 * Stores the letter, attaches its uploads and stores its receipt, all or nothing; empty when this form key
	 * was used before. An upload that is unknown, unfinished, expired or used throws
	 * {@link org.kinlink.media.UploadsNotReadyException} and nothing is stored. The receipt is hashed before the
	 * transaction opens so that no connection waits for Argon2; it is shown only after commit.
	 */
	Optional<Receipt> submit(LetterSubmission letter, String formKey, List<UUID> uploads) {
		if (formKey != null && formKeys.used(formKey)) {
			return Optional.empty();
		}
		IssuedReceipt issued = receipts.newReceipt();
		return transactions.execute(tx -> {
			if (formKey != null && !formKeys.claim(formKey)) {
				return Optional.empty();
			}
			UUID messageId = messages.receive(letter);
			if (!uploads.isEmpty()) {
				media.attach(messageId, uploads);
			}
			receipts.store(issued, messageId);
			return Optional.of(issued.receipt());
		});
	}

	/** The message for a typed receipt; {@link UnknownReceiptException} for a well-formed wrong one. */
	UUID open(String typedReceipt) {
		Receipt receipt = Receipt.parse(typedReceipt).orElseThrow(UnknownReceiptException::new);
		return receipts.find(receipt).orElseThrow(UnknownReceiptException::new);
	}

	/** The letter or tracing request of a typed receipt; {@link UnknownReceiptException} for a well-formed wrong one. */
	ReceiptOwner openAny(String typedReceipt) {
		Receipt receipt = Receipt.parse(typedReceipt).orElseThrow(UnknownReceiptException::new);
		return receipts.owner(receipt).orElseThrow(UnknownReceiptException::new);
	}

	StatusView status(UUID messageId) {
		FamilyView view = messages.familyView(messageId);
		return new StatusView(FamilyStatus.of(view.status()), view.receivedAt(), view.referredAt(), view.acknowledgedAt(),
				view.replies());
	}

	void reply(UUID messageId, String text) {
		messages.addFamilyReply(messageId, text);
	}

}
