package org.kinlink.portal.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.kinlink.media.UploadsNotReadyException;
import org.kinlink.portal.receipts.Receipt;
import org.kinlink.portal.receipts.ReceiptOwner;
import org.kinlink.portal.web.PortalForms.ReplyForm;
import org.kinlink.portal.web.PortalForms.StatusForm;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The family portal's pages: the letter form, the receipt (shown once, in the answer to the POST, never in a
 * URL), the status form and page, and the family's answers. Works without JavaScript: the form then posts its
 * files with the text (multipart, read as a stream); with JavaScript the files go first through tus and the
 * form names them. When the form comes back with a problem, the files already stored stay with it.
 */
@Controller
class PortalController {

	static final String LETTER_FORM = "portal/letter-form";

	static final String RECEIPT = "portal/receipt";

	static final String ALREADY_RECEIVED = "portal/already-received";

	static final String STATUS_FORM = "portal/status-form";

	static final String STATUS = "portal/status";

	static final String UNKNOWN_RECEIPT = "portal/unknown-receipt";

	private final PortalDesk desk;

	private final FormKeys formKeys;

	private final PortalThrottle throttle;

	private final MultipartLetter multipart;

	private final org.springframework.validation.Validator validator;

	private final UploadLimits limits;

	private final TracingStatusPage tracingStatus;

	PortalController(PortalDesk desk, FormKeys formKeys, PortalThrottle throttle, MultipartLetter multipart,
			TracingStatusPage tracingStatus,
			jakarta.validation.Validator validator, @Value("${kinlink.uploads.max-files:10}") int maxFiles,
			@Value("${kinlink.uploads.max-size:2GB}") DataSize maxSize,
			@Value("${kinlink.uploads.plain-max-size:100MB}") DataSize plainMaxSize) {
		this.desk = desk;
		this.tracingStatus = tracingStatus;
		this.formKeys = formKeys;
		this.throttle = throttle;
		this.multipart = multipart;
		this.validator = new org.springframework.validation.beanvalidation.SpringValidatorAdapter(validator);
		this.limits = new UploadLimits(maxFiles, maxSize.toBytes(), plainMaxSize.toBytes());
	}

	/** What the form tells the family before they choose files (S16), and what its script checks. */
	record UploadLimits(int maxFiles, long maxSize, long plainMaxSize) {

		public long maxAmount() {
			return amount(maxSize);
		}

		public String maxUnit() {
			return unit(maxSize);
		}

		public long plainAmount() {
			return amount(plainMaxSize);
		}

		public String plainUnit() {
			return unit(plainMaxSize);
		}

		private static long amount(long bytes) {
			return unit(bytes).equals("GB") ? DataSize.ofBytes(bytes).toGigabytes() : DataSize.ofBytes(bytes).toMegabytes();
		}

		private static String unit(long bytes) {
			return bytes % DataSize.ofGigabytes(1).toBytes() == 0 ? "GB" : "MB";
		}

	}

	@GetMapping("/")
	String initLetterForm(Model model) {
		model.addAttribute("form", LetterForm.empty(formKeys.newKey()));
		return showLetterForm(model, null);
	}

	@PostMapping("/portal/letters")
	String processLetterForm(@Valid @ModelAttribute("form") LetterForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		throttle.check(PortalThrottle.Bucket.LETTER, request);
		noStore(response);
		return receive(form, result, null, model, response);
	}

	/** The form with its files, as a browser sends it (multipart); Spring's multipart support is off (S6). */
	@PostMapping(path = "/portal/letters", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String processLetterFormWithFiles(Model model, HttpServletRequest request, HttpServletResponse response) {
		throttle.check(PortalThrottle.Bucket.LETTER, request);
		noStore(response);
		MultipartLetter.Parsed parsed = multipart.read(request);
		LetterForm form = LetterForm.of(parsed.fields(), parsed.stored());
		DataBinder binder = new DataBinder(form, "form");
		binder.setValidator(validator);
		binder.validate();
		model.addAllAttributes(binder.getBindingResult().getModel());
		return receive(form, binder.getBindingResult(), parsed.problem(), model, response);
	}

	private String receive(LetterForm form, BindingResult result, String uploadProblem, Model model,
			HttpServletResponse response) {
		if (uploadProblem != null || result.hasErrors()) {
			response.setStatus(uploadProblem != null && uploadProblem.endsWith("tooLarge") ? 413 : 400);
			model.addAttribute("uploadProblem", uploadProblem);
			return showLetterForm(model, result.hasFieldErrors("formKey") ? formKeys.newKey() : form.formKey());
		}
		Optional<Receipt> receipt;
		try {
			receipt = desk.submit(form.toSubmission(), form.formKey(), form.uploads());
		}
		catch (UploadsNotReadyException ex) {
			// Nothing was stored; the form comes back with its text and its files so nothing is lost.
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("uploadProblem", "portal.letter.files.notReady");
			return showLetterForm(model, form.formKey());
		}
		if (receipt.isEmpty()) {
			return ALREADY_RECEIVED;
		}
		model.addAttribute("receipt", receipt.get());
		return RECEIPT;
	}

	/** A language switch or a reload on a page that answered a POST lands on the matching form, not a 405. */
	@GetMapping("/portal/letters")
	String redirectToLetterForm() {
		return "redirect:/";
	}

	@GetMapping("/portal/replies")
	String redirectToStatusForm() {
		return "redirect:/portal/status";
	}

	@GetMapping("/portal/status")
	String initStatusForm(Model model) {
		model.addAttribute("statusForm", new StatusForm(null));
		return STATUS_FORM;
	}

	@PostMapping("/portal/status")
	String processStatusForm(@Valid @ModelAttribute("statusForm") StatusForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		throttle.check(PortalThrottle.Bucket.RECEIPT, request);
		noStore(response);
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return STATUS_FORM;
		}
		ReceiptOwner owner = desk.openAny(form.receipt());
		if (owner.isTracing()) {
			return tracingStatus.show(model, owner.tracingRequestId());
		}
		return showStatus(model, owner.messageId(), form.receipt(), new ReplyForm(null, null));
	}

	@PostMapping("/portal/replies")
	String processReplyForm(@Valid @ModelAttribute("replyForm") ReplyForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		throttle.check(PortalThrottle.Bucket.RECEIPT, request);
		noStore(response);
		if (result.hasFieldErrors("receipt")) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("statusForm", new StatusForm(null));
			return STATUS_FORM;
		}
		UUID messageId = desk.open(form.receipt());
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return showStatus(model, messageId, form.receipt(), form);
		}
		desk.reply(messageId, form.text());
		model.addAttribute("replySent", true);
		return showStatus(model, messageId, form.receipt(), new ReplyForm(null, null));
	}

	/** A well-formed receipt that matches nothing: the same page, byte for byte, whatever the receipt (S2). */
	@org.springframework.web.bind.annotation.ExceptionHandler(UnknownReceiptException.class)
	String unknownReceipt(HttpServletResponse response) {
		noStore(response);
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return UNKNOWN_RECEIPT;
	}

	private String showLetterForm(Model model, String formKey) {
		model.addAttribute("formKey", formKey != null ? formKey : ((LetterForm) model.getAttribute("form")).formKey());
		model.addAttribute("languages", Languages.CODES);
		model.addAttribute("limits", limits);
		LetterForm form = (LetterForm) model.getAttribute("form");
		model.addAttribute("keptUploads", form == null ? List.of() : form.uploads());
		return LETTER_FORM;
	}

	private String showStatus(Model model, UUID messageId, String typedReceipt, ReplyForm replyForm) {
		model.addAttribute("letterStatus", desk.status(messageId));
		model.addAttribute("receiptDigits", Receipt.parse(typedReceipt).orElseThrow().digits());
		model.addAttribute("replyForm", replyForm);
		return STATUS;
	}

	private static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
	}

}
