package org.kinlink.cases.followups;

import java.util.UUID;

import jakarta.validation.Valid;

import org.kinlink.cases.file.CaseAccess;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.cases.services.ClosedCaseGuard;
import org.kinlink.cases.services.InvalidEntryException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Follow-ups of a case: the list, adding one, marking one done with its outcome. */
@Controller
@RequestMapping("/staff/cases/{caseId}/followups")
@PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR')")
class FollowUpsController {

	static final String LIST = "cases/followups";

	static final String FORM = "cases/followups-form";

	static final String DONE_FORM = "cases/followups-done-form";

	private final CaseAccess access;

	private final FollowUps followUps;

	private final FollowUpsPanel panel;

	FollowUpsController(CaseAccess access, FollowUps followUps, FollowUpsPanel panel) {
		this.access = access;
		this.followUps = followUps;
		this.panel = panel;
	}

	@GetMapping
	String list(@PathVariable UUID caseId, Authentication authentication, Model model) {
		CaseReader reader = access.reader(authentication);
		panel.contribute(access.read(caseId, reader), reader, model);
		return LIST;
	}

	@GetMapping("/new")
	String initCreationForm(@PathVariable UUID caseId, Authentication authentication, Model model) {
		return form(model, writable(caseId, authentication, "case.followup.add"), FollowUpForm.empty());
	}

	@PostMapping
	String processCreationForm(@PathVariable UUID caseId, @Valid @ModelAttribute("form") FollowUpForm form,
			BindingResult result, Authentication authentication, Model model, RedirectAttributes redirect) {
		CaseFile file = writable(caseId, authentication, "case.followup.add");
		if (result.hasErrors()) {
			return form(model, file, form);
		}
		try {
			followUps.add(file, form.dueOn(), form.purpose(), authentication.getName());
		}
		catch (InvalidEntryException ex) {
			result.rejectValue(ex.field(), ex.messageCode());
			return form(model, file, form);
		}
		redirect.addFlashAttribute("notice", "caseservices.followup.added");
		return "redirect:/staff/cases/" + caseId + "/followups";
	}

	@GetMapping("/{followUpId}/done")
	String initDoneForm(@PathVariable UUID caseId, @PathVariable UUID followUpId, Authentication authentication,
			Model model) {
		CaseFile file = writable(caseId, authentication, "case.followup.done");
		return doneForm(model, file, followUps.get(file, followUpId), FollowUpDoneForm.empty());
	}

	@PostMapping("/{followUpId}/done")
	String processDoneForm(@PathVariable UUID caseId, @PathVariable UUID followUpId,
			@Valid @ModelAttribute("form") FollowUpDoneForm form, BindingResult result, Authentication authentication,
			Model model, RedirectAttributes redirect) {
		CaseFile file = writable(caseId, authentication, "case.followup.done");
		FollowUp followUp = followUps.get(file, followUpId);
		if (result.hasErrors()) {
			return doneForm(model, file, followUp, form);
		}
		followUps.complete(file, followUpId, form.outcome(), authentication.getName());
		redirect.addFlashAttribute("notice", "caseservices.followup.done");
		return "redirect:/staff/cases/" + caseId + "/followups";
	}

	private CaseFile writable(UUID caseId, Authentication authentication, String action) {
		CaseFile file = access.forChange(caseId, access.reader(authentication), action);
		ClosedCaseGuard.requireOpen(file);
		return file;
	}

	private static String form(Model model, CaseFile file, FollowUpForm form) {
		model.addAttribute("caseId", file.id());
		model.addAttribute("caseReference", file.reference());
		if (!model.containsAttribute("form")) {
			// a bound form stays as bound: replacing it would drop its errors
			model.addAttribute("form", form);
		}
		return FORM;
	}

	private static String doneForm(Model model, CaseFile file, FollowUp followUp, FollowUpDoneForm form) {
		model.addAttribute("caseId", file.id());
		model.addAttribute("caseReference", file.reference());
		model.addAttribute("followUp", followUp);
		if (!model.containsAttribute("form")) {
			// a bound form stays as bound: replacing it would drop its errors
			model.addAttribute("form", form);
		}
		return DONE_FORM;
	}

}
