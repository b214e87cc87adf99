package org.kinlink.cases.casefile;

import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.kinlink.cases.file.CaseAccess;
import org.kinlink.cases.file.CaseChangedMeanwhileException;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseFiles;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.shared.web.IllegalTransitionException;

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
 * The case list (own and team cases) and the case page with its edits. A save over someone else's meanwhile
 * shows the page again with the message and the user's input, ready to save again on the current version.
 */
@Controller
@RequestMapping("/staff/cases")
@PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR')")
class CaseController {

	static final String LIST = "cases/list";

	private final CaseAccess access;

	private final CaseFiles files;

	private final CaseService service;

	private final CasePage page;

	CaseController(CaseAccess access, CaseFiles files, CaseService service, CasePage page) {
		this.access = access;
		this.files = files;
		this.service = service;
		this.page = page;
	}

	@GetMapping
	String showCases(Authentication authentication, Model model) {
		CaseReader reader = access.reader(authentication);
		List<CaseFile> cases = files.visibleTo(reader.username(), reader.team(), 500).stream().filter(reader::sees).toList();
		model.addAttribute("cases", cases);
		return LIST;
	}

	@GetMapping("/{id}")
	String showCase(@PathVariable UUID id, Authentication authentication, Model model) {
		CaseReader reader = access.reader(authentication);
		CaseFile file = access.read(id, reader);
		java.util.Optional<java.time.Instant> shredded = access.shreddedAt(id);
		if (shredded.isPresent()) {
			model.addAttribute("reference", file.reference());
			model.addAttribute("shreddedAt", shredded.get());
			model.addAttribute("back", "/staff/cases");
			return "retention/removed";
		}
		return page.show(file, reader, model);
	}

	@PostMapping("/{id}/assessment")
	String processAssessmentForm(@PathVariable UUID id, @Valid @ModelAttribute("assessmentForm") CaseForms.AssessmentForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (form.vulnerabilities() != null && !CaseForms.VULNERABILITIES.containsAll(form.vulnerabilities())) {
			result.rejectValue("vulnerabilities", "cases.assessment.vulnerability.invalid");
		}
		return save(id, authentication, model, response, redirect, result, "assessmentForm", form::withVersion,
				reader -> service.assess(id, reader, form));
	}

	@PostMapping("/{id}/needs")
	String processNeedsForm(@PathVariable UUID id, @Valid @ModelAttribute("needsForm") CaseForms.NeedsForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return save(id, authentication, model, response, redirect, result, "needsForm", form::withVersion,
				reader -> service.writeNeeds(id, reader, form));
	}

	@PostMapping("/{id}/restricted")
	String processRestrictedForm(@PathVariable UUID id, @Valid @ModelAttribute("restrictedForm") CaseForms.RestrictedForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CaseReader reader = access.reader(authentication);
		access.requireRestricted(access.forChange(id, reader, "case.restricted.write"), reader, "case.restricted.write");
		return save(id, authentication, model, response, redirect, result, "restrictedForm", form::withVersion,
				r -> service.writeRestricted(id, r, form));
	}

	@PostMapping("/{id}/assign")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String processAssignForm(@PathVariable UUID id, @Valid @ModelAttribute("assignForm") CaseForms.AssignForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return save(id, authentication, model, response, redirect, result, "assignForm", form::withVersion,
				reader -> service.assign(id, reader, form));
	}

	@PostMapping("/{id}/close")
	String processCloseForm(@PathVariable UUID id, @Valid @ModelAttribute("closeForm") CaseForms.CloseForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return save(id, authentication, model, response, redirect, result, "closeForm", form::withVersion,
				reader -> service.close(id, reader, form));
	}

	@PostMapping("/{id}/reopen")
	String processReopenForm(@PathVariable UUID id, @Valid @ModelAttribute("reopenForm") CaseForms.ReopenForm form,
			BindingResult result, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return save(id, authentication, model, response, redirect, result, "reopenForm", CaseForms.ReopenForm::new,
				reader -> service.reopen(id, reader, form));
	}

	/** One change: input errors or a refused move show the page again with the form; success redirects. */
	private String save(UUID id, Authentication authentication, Model model, HttpServletResponse response,
			RedirectAttributes redirect, BindingResult result, String formName, IntFunction<Object> atVersion,
			java.util.function.Consumer<CaseReader> change) {
		CaseReader reader = access.reader(authentication);
		CaseFile file = access.forChange(id, reader, "case.change");
		if (!result.hasErrors()) {
			try {
				change.accept(reader);
				redirect.addFlashAttribute("notice", "cases.case.saved");
				return "redirect:/staff/cases/" + id;
			}
			catch (CaseChangedMeanwhileException ex) {
				// Show the user's input again on the version saved meanwhile, with the message: a second save applies it.
				file = access.forChange(id, reader, "case.change");
				model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + formName);
				model.addAttribute(formName, atVersion.apply(file.version()));
				model.addAttribute("problem", ex.messageCode());
				response.setStatus(HttpServletResponse.SC_CONFLICT);
			}
			catch (IllegalTransitionException ex) {
				model.addAttribute("problem", ex.messageCode());
				response.setStatus(HttpServletResponse.SC_CONFLICT);
			}
		}
		else {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		model.addAttribute("problemForm", formName);
		return page.show(file, reader, model);
	}

}
