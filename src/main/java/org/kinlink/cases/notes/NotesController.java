package org.kinlink.cases.notes;

import java.util.UUID;

import jakarta.validation.Valid;

import org.kinlink.cases.file.CaseAccess;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.cases.services.ClosedCaseGuard;

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
 * Case notes for the caseworker of record and the team's supervisors: the list with a form to add one. There
 * is deliberately no route to edit or delete a note.
 */
@Controller
@RequestMapping("/staff/cases/{caseId}/notes")
@PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR')")
class NotesController {

	static final String LIST = "cases/notes";

	private final CaseAccess access;

	private final CaseNotes notes;

	private final NotesPanel panel;

	NotesController(CaseAccess access, CaseNotes notes, NotesPanel panel) {
		this.access = access;
		this.notes = notes;
		this.panel = panel;
	}

	@GetMapping
	String list(@PathVariable UUID caseId, Authentication authentication, Model model) {
		CaseReader reader = access.reader(authentication);
		CaseFile file = access.read(caseId, reader);
		access.requireRestricted(file, reader, "case.note.read");
		return page(model, file, reader, NoteForm.empty());
	}

	@PostMapping
	String add(@PathVariable UUID caseId, @Valid @ModelAttribute("form") NoteForm form, BindingResult result,
			Authentication authentication, Model model, RedirectAttributes redirect) {
		CaseReader reader = access.reader(authentication);
		CaseFile file = access.forChange(caseId, reader, "case.note.add");
		access.requireRestricted(file, reader, "case.note.add");
		ClosedCaseGuard.requireOpen(file);
		if (result.hasErrors()) {
			return page(model, file, reader, form);
		}
		notes.add(file, form.body(), authentication.getName());
		redirect.addFlashAttribute("notice", "caseservices.note.added");
		return "redirect:/staff/cases/" + caseId + "/notes";
	}

	private String page(Model model, CaseFile file, CaseReader reader, NoteForm form) {
		panel.contribute(file, reader, model);
		if (!model.containsAttribute("form")) {
			// a bound form stays as bound: replacing it would drop its errors
			model.addAttribute("form", form);
		}
		return LIST;
	}

}
