package org.kinlink.cases.consent;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

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
 * The consent page of a case (the same panel the case page shows): the current level, the decisions, a new
 * decision and withdrawal. Another team's case is "not found"; the decisions are RESTRICTED (S13, S15).
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR')")
class ConsentController {

	private final CaseAccess access;

	private final ConsentRecords records;

	private final ConsentPanel panel;

	ConsentController(CaseAccess access, ConsentRecords records, ConsentPanel panel) {
		this.access = access;
		this.records = records;
		this.panel = panel;
	}

	@GetMapping("/staff/cases/{caseId}/consent")
	String showConsent(@PathVariable UUID caseId, Authentication user, Model model) {
		CaseReader reader = access.reader(user);
		return page(access.read(caseId, reader), reader, model);
	}

	@PostMapping("/staff/cases/{caseId}/consent")
	String processDecisionForm(@PathVariable UUID caseId, @Valid @ModelAttribute("consentForm") DecisionForm form,
			BindingResult result, Authentication user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CaseReader reader = access.reader(user);
		CaseFile file = access.forChange(caseId, reader, "consent.record");
		records.mayRecord(file, reader, result.hasFieldErrors("method") ? null : form.method());
		if (!result.hasErrors()) {
			form.decision().problems().forEach(p -> result.rejectValue(p.field(), p.code()));
		}
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(file, reader, model);
		}
		records.record(caseId, reader, form.decision());
		redirect.addFlashAttribute("consentNotice", "consent.flash.recorded");
		return "redirect:/staff/cases/" + caseId + "/consent";
	}

	@PostMapping("/staff/cases/{caseId}/consent/{basisId}/withdraw")
	String withdraw(@PathVariable UUID caseId, @PathVariable UUID basisId, Authentication user, RedirectAttributes redirect) {
		records.withdraw(caseId, basisId, access.reader(user));
		redirect.addFlashAttribute("consentNotice", "consent.flash.withdrawn");
		return "redirect:/staff/cases/" + caseId + "/consent";
	}

	private String page(CaseFile file, CaseReader reader, Model model) {
		panel.contribute(file, reader, model);
		return ConsentPanel.TEMPLATE;
	}

}
