package org.kinlink.cases.waiting;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.kinlink.cases.DisclosureRefusedException;
import org.kinlink.cases.file.CaseAccess;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseReader;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Family messages for the person of a case: the list, delivery of a letter (shown to the caseworker to hand
 * over) and relaying the person's answer, each only with the person's consent. A refusal is shown on the page
 * with its reason (409) and nothing is stored.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR')")
class MessagesController {

	static final String LETTER_VIEW = "cases/waiting-letter";

	private final CaseAccess access;

	private final MessagesWaiting waiting;

	private final MessagesPanel panel;

	MessagesController(CaseAccess access, MessagesWaiting waiting, MessagesPanel panel) {
		this.access = access;
		this.waiting = waiting;
		this.panel = panel;
	}

	@GetMapping("/staff/cases/{caseId}/messages")
	String showMessages(@PathVariable UUID caseId, Authentication user, Model model) {
		CaseReader reader = access.reader(user);
		panel.contribute(access.read(caseId, reader), reader, model);
		return MessagesPanel.TEMPLATE;
	}

	@PostMapping("/staff/cases/{caseId}/messages/{messageId}/deliver")
	String deliver(@PathVariable UUID caseId, @PathVariable UUID messageId, Authentication user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CaseReader reader = access.reader(user);
		try {
			MessagesWaiting.Outcome outcome = waiting.deliver(caseId, messageId, reader);
			redirect.addFlashAttribute("waitingNotice", outcome == MessagesWaiting.Outcome.DELIVERED
					? "consent.messages.flash.delivered" : "consent.messages.flash.already");
			return "redirect:/staff/cases/" + caseId + "/messages/" + messageId;
		}
		catch (DisclosureRefusedException refused) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			CaseFile file = access.forChange(caseId, reader, "message.deliver");
			model.addAttribute("waitingProblem", "consent.messages.refused.deliver");
			panel.contribute(file, reader, model);
			return MessagesPanel.TEMPLATE;
		}
	}

	@GetMapping("/staff/cases/{caseId}/messages/{messageId}")
	String showLetter(@PathVariable UUID caseId, @PathVariable UUID messageId, Authentication user, Model model) {
		return letterPage(caseId, messageId, access.reader(user), model);
	}

	@PostMapping("/staff/cases/{caseId}/messages/{messageId}/answer")
	String processAnswerForm(@PathVariable UUID caseId, @PathVariable UUID messageId,
			@Valid @ModelAttribute("answerForm") AnswerForm form, BindingResult result, Authentication user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CaseReader reader = access.reader(user);
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return letterPage(caseId, messageId, reader, model);
		}
		try {
			waiting.relay(caseId, messageId, form.text(), reader);
		}
		catch (DisclosureRefusedException refused) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("waitingProblem", "consent.messages.refused.relay");
			return letterPage(caseId, messageId, reader, model);
		}
		redirect.addFlashAttribute("waitingNotice", "consent.messages.flash.relayed");
		return "redirect:/staff/cases/" + caseId + "/messages/" + messageId;
	}

	private String letterPage(UUID caseId, UUID messageId, CaseReader reader, Model model) {
		DeliveredLetter letter = waiting.letter(caseId, messageId, reader);
		model.addAttribute("waitingCaseId", caseId);
		model.addAttribute("delivered", letter);
		if (!model.containsAttribute("answerForm")) {
			model.addAttribute("answerForm", AnswerForm.empty());
		}
		return LETTER_VIEW;
	}

}
