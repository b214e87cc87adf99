package org.kinlink.portal.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.kinlink.portal.receipts.Receipt;
import org.kinlink.portal.web.PortalForms.ReplyForm;
import org.kinlink.portal.web.PortalForms.StatusForm;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal as a JSON API for other clients (a mobile app, a partner's system), with the same rules as the
 * pages: receipts only in request bodies, identical answers for wrong receipts, rate limits, no visitor data.
 * Errors are RFC 9457 problem details in the language of Accept-Language.
 */
@RestController
@RequestMapping(path = "/api/v1/portal", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Family portal", description = "Send a letter, follow its status with the receipt, answer staff replies")
class PortalApiController {

	private static final int MAX_IDEMPOTENCY_KEY = 200;

	private final PortalDesk desk;

	private final PortalThrottle throttle;

	PortalApiController(PortalDesk desk, PortalThrottle throttle) {
		this.desk = desk;
		this.throttle = throttle;
	}

	/** The answer to a stored letter: its receipt, shown only this once. */
	record LetterCreated(@Schema(description = "20 digits; the only way back to the letter") String receipt,
			@Schema(example = "received") String status) {
	}

	/** A letter's status with its dates and the staff's replies. */
	record StatusResponse(
			@Schema(allowableValues = { "received", "being_translated", "sent_to_authorities", "acknowledged",
					"delivered", "closed" }) String status,
			Instant receivedAt, Instant sentToAuthoritiesAt, Instant acknowledgedAt, List<StaffReply> replies) {
	}

	/** A reply from the association's staff, or the relative's own answer relayed by them (fromRelative). */
	record StaffReply(UUID id, String text, Instant sentAt, boolean fromRelative) {
	}

	@PostMapping(path = "/letters", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Send a letter", description = "Stores the letter encrypted, with the files named in uploadIds (finished tus uploads), and answers with its receipt, once. The receipt is given only after every file is attached; a letter needs text, files or both.")
	@ApiResponse(responseCode = "201", description = "Stored; keep the receipt")
	@ApiResponse(responseCode = "400", description = "A field is missing or not acceptable",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "A letter with this Idempotency-Key was already received, or an upload in uploadIds is unknown, unfinished, expired or used (code uploads.notReady); nothing was stored",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "429", description = "Too many attempts", content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<LetterCreated> sendLetter(@Valid @RequestBody LetterRequest letter,
			@Parameter(description = "Optional: the same key sent twice stores the letter once")
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			HttpServletRequest request) {
		throttle.check(PortalThrottle.Bucket.LETTER, request);
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
			throw new BadPortalRequestException();
		}
		Receipt receipt = desk
			.submit(letter.toSubmission(), idempotencyKey == null ? null : "api:" + idempotencyKey, letter.uploads())
			.orElseThrow(AlreadyReceivedException::new);
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new LetterCreated(receipt.digits(), FamilyStatus.RECEIVED.apiName()));
	}

	@PostMapping(path = "/status", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "See a letter's status", description = "Status, dates and staff replies; never the letter itself.")
	@ApiResponse(responseCode = "200", description = "The status")
	@ApiResponse(responseCode = "404", description = "No letter has this receipt (the same answer for every wrong receipt)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "429", description = "Too many attempts", content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<StatusResponse> status(@Valid @RequestBody StatusForm body, HttpServletRequest request) {
		throttle.check(PortalThrottle.Bucket.RECEIPT, request);
		StatusView view = desk.status(desk.open(body.receipt()));
		List<StaffReply> replies = view.replies().stream().map(r -> new StaffReply(r.id(), r.text(), r.sentAt(), r.fromRelative())).toList();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new StatusResponse(view.status().apiName(), view.receivedAt(), view.sentAt(), view.acknowledgedAt(),
					replies));
	}

	@PostMapping(path = "/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Answer the staff", description = "Adds the family's answer; staff read it, the status page does not show it.")
	@ApiResponse(responseCode = "204", description = "The answer was stored")
	@ApiResponse(responseCode = "404", description = "No letter has this receipt",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "429", description = "Too many attempts", content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<Void> reply(@Valid @RequestBody ReplyForm body, HttpServletRequest request) {
		throttle.check(PortalThrottle.Bucket.RECEIPT, request);
		desk.reply(desk.open(body.receipt()), body.text());
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

}
