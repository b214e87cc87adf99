package org.kinlink.cases.services;

import java.util.UUID;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The services of a case: the list, adding one, changing one (with the version the form was opened with). */
@Controller
@RequestMapping("/staff/cases/{caseId}/services")
@PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR')")
class ServicesController {

	static final String LIST = "cases/services";

	static final String FORM = "cases/services-form";

	private final CaseAccess access;

	private final CaseServices services;

	private final ServicesPanel panel;

	ServicesController(CaseAccess access, CaseServices services, ServicesPanel panel) {
		this.access = access;
		this.services = services;
		this.panel = panel;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("serviceTypes", ServiceType.values());
		model.addAttribute("serviceStatuses", ServiceStatus.values());
		model.addAttribute("serviceOutcomes", ServiceOutcome.values());
	}

	@GetMapping
	String list(@PathVariable UUID caseId, Authentication authentication, Model model) {
		CaseReader reader = access.reader(authentication);
		panel.contribute(access.read(caseId, reader), reader, model);
		return LIST;
	}

	@GetMapping("/new")
	String initCreationForm(@PathVariable UUID caseId, Authentication authentication, Model model) {
		CaseFile file = access.forChange(caseId, access.reader(authentication), "case.service.add");
		ClosedCaseGuard.requireOpen(file);
		return form(model, file, null, ServiceForm.empty());
	}

	@PostMapping
	String processCreationForm(@PathVariable UUID caseId, @Valid @ModelAttribute("form") ServiceForm form,
			BindingResult result, Authentication authentication, Model model, RedirectAttributes redirect) {
		CaseFile file = access.forChange(caseId, access.reader(authentication), "case.service.add");
		ClosedCaseGuard.requireOpen(file);
		if (result.hasErrors()) {
			return form(model, file, null, form);
		}
		try {
			services.add(file, form.details());
		}
		catch (InvalidEntryException ex) {
			result.rejectValue(ex.field(), ex.messageCode());
			return form(model, file, null, form);
		}
		redirect.addFlashAttribute("notice", "caseservices.service.added");
		return "redirect:/staff/cases/" + caseId + "/services";
	}

	@GetMapping("/{serviceId}/edit")
	String initUpdateForm(@PathVariable UUID caseId, @PathVariable UUID serviceId, Authentication authentication,
			Model model) {
		CaseFile file = access.forChange(caseId, access.reader(authentication), "case.service.edit");
		ClosedCaseGuard.requireOpen(file);
		return form(model, file, serviceId, ServiceForm.of(services.get(file, serviceId)));
	}

	@PostMapping("/{serviceId}")
	String processUpdateForm(@PathVariable UUID caseId, @PathVariable UUID serviceId,
			@Valid @ModelAttribute("form") ServiceForm form, BindingResult result, Authentication authentication,
			Model model, RedirectAttributes redirect) {
		CaseFile file = access.forChange(caseId, access.reader(authentication), "case.service.edit");
		ClosedCaseGuard.requireOpen(file);
		services.get(file, serviceId);
		if (result.hasErrors()) {
			return form(model, file, serviceId, form);
		}
		try {
			services.change(file, serviceId, form.details(), form.version() == null ? -1 : form.version());
		}
		catch (InvalidEntryException ex) {
			result.rejectValue(ex.field(), ex.messageCode());
			return form(model, file, serviceId, form);
		}
		catch (ServiceChangedMeanwhileException ex) {
			result.reject(ex.messageCode());
			return form(model, file, serviceId, form);
		}
		redirect.addFlashAttribute("notice", "caseservices.service.saved");
		return "redirect:/staff/cases/" + caseId + "/services";
	}

	private static String form(Model model, CaseFile file, UUID serviceId, ServiceForm form) {
		model.addAttribute("caseId", file.id());
		model.addAttribute("caseReference", file.reference());
		model.addAttribute("serviceId", serviceId);
		if (!model.containsAttribute("form")) {
			// a bound form stays as bound: replacing it would drop its errors
			model.addAttribute("form", form);
		}
		return FORM;
	}

}
