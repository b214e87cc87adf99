package org.kinlink.portal.web;

import java.time.LocalDate;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.kinlink.portal.receipts.Receipt;
import org.kinlink.portal.web.PortalForms.StatusForm;
import org.kinlink.tracing.TracingAnswer;

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
 * Tracing requests through the JSON API, with the portal's rules: the receipt only in request bodies, the same
 * answer for every wrong receipt, rate limits, no visitor data. The answer never says whether anybody was found
 * unless the person allows it: "nothing" and "not found" give the same JSON.
 */
@RestController
@RequestMapping(path = "/api/v1/portal/tracing", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Family portal: tracing", description = "Ask the association to look for a relative, and read the answer with the receipt")
class TracingApiController {

	private static final int MAX_IDEMPOTENCY_KEY = 200;

	private final TracingDesk desk;

	private final PortalThrottle throttle;

	TracingApiController(TracingDesk desk, PortalThrottle throttle) {
		this.desk = desk;
		this.throttle = throttle;
	}

	/** The answer to a stored request: its receipt, shown only this once. */
	record TracingCreated(@Schema(description = "20 digits; the only way back to the answer") String receipt,
			@Schema(example = "searching") String answer) {
	}

	/** What the family may read now about the person they asked for. */
	record TracingStatus(
			@Schema(description = "searching: not answered yet; no_information: nothing can be said (the same whether nobody was found or the person chose so); alive_and_well; messages_welcome: the family may write to them through the association; in_touch: with a note from the caseworker",
					allowableValues = { "searching", "no_information", "alive_and_well", "messages_welcome", "in_touch" }) String answer,
			@Schema(description = "The day the request was received") LocalDate receivedOn,
			@Schema(description = "The day the answer was given, or null") LocalDate answeredOn,
			@Schema(description = "The caseworker's note, only with in_touch") String note) {

		static TracingStatus of(TracingAnswer answer) {
			return new TracingStatus(apiName(answer.kind()), answer.receivedOn(), answer.answeredOn(), answer.note());
		}

	}

	static String apiName(TracingAnswer.Kind kind) {
		return kind.name().toLowerCase(Locale.ROOT);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Ask for a relative to be traced", description = "Stores the request encrypted and answers with its receipt, once. At least one name of the sought person is needed.")
	@ApiResponse(responseCode = "201", description = "Stored; keep the receipt")
	@ApiResponse(responseCode = "400", description = "A field is missing or not acceptable",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "A request with this Idempotency-Key was already received; nothing was stored",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "429", description = "Too many attempts", content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<TracingCreated> submit(@Valid @RequestBody TracingRequestBody body,
			@Parameter(description = "Optional: the same key sent twice stores the request once")
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			HttpServletRequest request) {
		throttle.check(PortalThrottle.Bucket.LETTER, request);
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
			throw new BadPortalRequestException();
		}
		Receipt receipt = desk.submit(body.toSubmission(), idempotencyKey == null ? null : "api-tracing:" + idempotencyKey)
			.orElseThrow(AlreadyReceivedException::new);
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new TracingCreated(receipt.digits(), apiName(TracingAnswer.Kind.SEARCHING)));
	}

	@PostMapping(path = "/status", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Read the answer to a tracing request", description = "The answer the family may read now; it follows the found person's current decision.")
	@ApiResponse(responseCode = "200", description = "The answer")
	@ApiResponse(responseCode = "404", description = "No tracing request has this receipt (the same answer for every wrong receipt)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "429", description = "Too many attempts", content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<TracingStatus> status(@Valid @RequestBody StatusForm body, HttpServletRequest request) {
		throttle.check(PortalThrottle.Bucket.RECEIPT, request);
		TracingAnswer answer = desk.answer(desk.open(body.receipt()));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TracingStatus.of(answer));
	}

}
