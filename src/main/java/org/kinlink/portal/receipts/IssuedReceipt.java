package org.kinlink.portal.receipts;

/** A freshly generated receipt with its Argon2id PHC string, ready to be stored with the message. */
public record IssuedReceipt(Receipt receipt, String hash) {

	@Override
	public String toString() {
		return "IssuedReceipt[hidden]";
	}

}
