package org.kinlink.portal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

import org.kinlink.shared.text.SafeText;

/** The receipt forms of the portal and the JSON API: a receipt alone, or a receipt with an answer. */
final class PortalForms {

	private PortalForms() {
	}

	/** A receipt typed to see a letter's status. */
	@Schema(description = "A receipt: 20 digits; Persian or Arabic-Indic digits, spaces and dashes are accepted")
	record StatusForm(@NotBlank @ReceiptFormat String receipt) {
	}

	/** The family's answer, with the receipt carried in the body. */
	@Schema(description = "An answer from the family to the staff's replies")
	record ReplyForm(@NotBlank @ReceiptFormat String receipt,
			@NotBlank @SafeText(max = 5_000, multiline = true) String text) {

		ReplyForm {
			text = LetterFields.clean(text);
		}

	}

}
