package org.kinlink.cases.employment;

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

/**
 * Work and income of a case: the list and adding a record. Everyone who sees the case may add one; the
 * employer (RESTRICTED) only the caseworker of record and the team's supervisors may enter or see.
 */
@Controller
@RequestMapping("/staff/cases/{caseId}/employment")
@PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR')")
class EmploymentController {

	static final String LIST = "cases/employment";

	static final String FORM = "cases/employment-form";

	private static final String ADD = "case.employment.add";

	private final CaseAccess access;

	private final EmploymentRecords records;

	private final EmploymentPanel panel;

	EmploymentController(CaseAccess access, EmploymentRecords records, EmploymentPanel panel) {
		this.access = access;
		this.records = records;
		this.panel = panel;
	}

	@ModelAttribute("employmentKinds")
	EmploymentKind[] kinds() {
		return EmploymentKind.values();
	}

	@GetMapping
	String list(@PathVariable UUID caseId, Authentication authentication, Model model) {
		CaseReader reader = access.reader(authentication);
		panel.contribute(access.read(caseId, reader), reader, model);
		return LIST;
	}

	@GetMapping("/new")
	String initCreationForm(@PathVariable UUID caseId, Authentication authentication, Model model) {
		CaseReader reader = access.reader(authentication);
		CaseFile file = writable(caseId, reader);
		return form(model, file, reader, EmploymentForm.empty());
	}

	@PostMapping
	String processCreationForm(@PathVariable UUID caseId, @Valid @ModelAttribute("form") EmploymentForm form,
			BindingResult result, Authentication authentication, Model model, RedirectAttributes redirect) {
		CaseReader reader = access.reader(authentication);
		CaseFile file = writable(caseId, reader);
		if (blankToNull(form.employer()) != null) {
			access.requireRestricted(file, reader, ADD);
		}
		Integer income = null;
		if (form.monthlyIncome() != null && !form.monthlyIncome().isBlank()) {
			income = IncomeInput.parse(form.monthlyIncome());
			if (income == null && !result.hasFieldErrors("monthlyIncome")) {
				result.rejectValue("monthlyIncome", "caseservices.employment.income.invalid");
			}
		}
		if (result.hasErrors()) {
			return form(model, file, reader, form);
		}
		try {
			records.add(file, form.kind(), blankToNull(form.employer()), form.startedOn(), form.endedOn(), income);
		}
		catch (InvalidEntryException ex) {
			result.rejectValue(ex.field(), ex.messageCode());
			return form(model, file, reader, form);
		}
		redirect.addFlashAttribute("notice", "caseservices.employment.added");
		return "redirect:/staff/cases/" + caseId + "/employment";
	}

	private CaseFile writable(UUID caseId, CaseReader reader) {
		CaseFile file = access.forChange(caseId, reader, ADD);
		ClosedCaseGuard.requireOpen(file);
		return file;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String form(Model model, CaseFile file, CaseReader reader, EmploymentForm form) {
		model.addAttribute("caseId", file.id());
		model.addAttribute("showEmployer", reader.opensRestricted(file));
		model.addAttribute("caseReference", file.reference());
		if (!model.containsAttribute("form")) {
			// a bound form stays as bound: replacing it would drop its errors
			model.addAttribute("form", form);
		}
		return FORM;
	}

}
