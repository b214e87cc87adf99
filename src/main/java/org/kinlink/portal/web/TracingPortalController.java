package org.kinlink.portal.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.kinlink.portal.receipts.Receipt;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The portal's tracing form: a family asks the association to look for a relative. The same rules as the
 * letter form: no JavaScript needed, a one-time form key, rate limits, nothing kept about the visitor, and a
 * receipt shown once in the answer to the POST. The answer is read on the status page with that receipt.
 */
@Controller
class TracingPortalController {

	static final String FORM = "portal/tracing-form";

	static final String RECEIPT = "portal/tracing-receipt";

	static final String ALREADY_RECEIVED = "portal/tracing-already-received";

	private final TracingDesk desk;

	private final FormKeys formKeys;

	private final PortalThrottle throttle;

	TracingPortalController(TracingDesk desk, FormKeys formKeys, PortalThrottle throttle) {
		this.desk = desk;
		this.formKeys = formKeys;
		this.throttle = throttle;
	}

	@GetMapping("/portal/tracing")
	String initTracingForm(Model model) {
		model.addAttribute("form", TracingForm.empty(formKeys.newKey()));
		return showForm(model, null);
	}

	@PostMapping("/portal/tracing")
	String processTracingForm(@Valid @ModelAttribute("form") TracingForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		throttle.check(PortalThrottle.Bucket.LETTER, request);
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return showForm(model, result.hasFieldErrors("formKey") ? formKeys.newKey() : form.formKey());
		}
		Optional<Receipt> receipt = desk.submit(form.toSubmission(), form.formKey());
		if (receipt.isEmpty()) {
			return ALREADY_RECEIVED;
		}
		model.addAttribute("receipt", receipt.get());
		return RECEIPT;
	}

	private String showForm(Model model, String formKey) {
		model.addAttribute("formKey", formKey != null ? formKey : ((TracingForm) model.getAttribute("form")).formKey());
		model.addAttribute("languages", Languages.CODES);
		return FORM;
	}

}
