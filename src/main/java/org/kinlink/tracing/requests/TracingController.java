package org.kinlink.tracing.requests;

import java.security.Principal;
import java.util.Arrays;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.kinlink.cases.DisclosureRefusedException;
import org.kinlink.shared.text.SafeText;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of tracing: the list by state, a request entered for a family, and the request page with the
 * persons the matcher proposes, linking one (or a new person), answering the family and closing as not found.
 */
@Controller
@PreAuthorize("hasAnyRole('INTAKE','CASEWORKER','SUPERVISOR')")
class TracingController {

	static final String LIST = "tracing/list";

	static final String FORM = "tracing/new";

	static final String REQUEST = "tracing/request";

	private final TracingService tracing;

	TracingController(TracingService tracing) {
		this.tracing = tracing;
	}

	/** The caseworker's note for the family, written only when the person allows contact details to be shared. */
	record AnswerForm(@SafeText(max = 2000, multiline = true) String note) {

		String noteOrNull() {
			return note == null || note.isBlank() ? null : note;
		}

	}

	/** A proposed person as the page shows it: the score in percent and its reasons as message keys. */
	record CandidateRow(org.kinlink.people.Person person, long percent, java.util.List<org.kinlink.people.MatchCandidate.Reason> reasons) {

		static CandidateRow of(org.kinlink.people.MatchCandidate candidate) {
			return new CandidateRow(candidate.person(), Math.round(candidate.score() * 100), candidate.reasons());
		}

		public Object[] arguments(org.kinlink.people.MatchCandidate.Reason reason) {
			return reason.arguments().toArray();
		}

	}

	@GetMapping("/staff/tracing")
	String showList(@RequestParam(required = false) TracingState state, Model model) {
		model.addAttribute("state", state);
		model.addAttribute("states", Arrays.asList(TracingState.values()));
		model.addAttribute("requests", tracing.list(state));
		model.addAttribute("limit", TracingRequests.LIST_LIMIT);
		return LIST;
	}

	@GetMapping("/staff/tracing/new")
	String initEntryForm(Model model) {
		model.addAttribute("form", TracingEntry.empty());
		model.addAttribute("languages", TracingEntry.LANGUAGE_CODES);
		return FORM;
	}

	@PostMapping("/staff/tracing")
	String processEntryForm(@Valid @ModelAttribute("form") TracingEntry form, BindingResult result, Model model,
			Principal principal, HttpServletResponse response) {
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("languages", TracingEntry.LANGUAGE_CODES);
			return FORM;
		}
		UUID id = tracing.enter(form.toSubmission(), principal.getName());
		return "redirect:/staff/tracing/" + id;
	}

	@GetMapping("/staff/tracing/{id}")
	String showRequest(@PathVariable UUID id, Model model) {
		model.addAttribute("answerForm", new AnswerForm(null));
		return request(id, model);
	}

	@PostMapping("/staff/tracing/{id}/link")
	String link(@PathVariable UUID id, @RequestParam UUID personId, RedirectAttributes redirect) {
		tracing.link(id, personId);
		redirect.addFlashAttribute("done", "tracing.request.linked");
		return "redirect:/staff/tracing/" + id;
	}

	@PostMapping("/staff/tracing/{id}/person")
	String createPerson(@PathVariable UUID id, RedirectAttributes redirect) {
		tracing.createPersonAndLink(id);
		redirect.addFlashAttribute("done", "tracing.request.personCreated");
		return "redirect:/staff/tracing/" + id;
	}

	@PostMapping("/staff/tracing/{id}/answer")
	String answer(@PathVariable UUID id, @Valid @ModelAttribute("answerForm") AnswerForm form, BindingResult result,
			Model model, Principal principal, HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return request(id, model);
		}
		try {
			tracing.answerFamily(id, form.noteOrNull(), principal.getName());
		}
		catch (DisclosureRefusedException ex) {
			result.rejectValue("note", "tracing.answer.note.refused");
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return request(id, model);
		}
		redirect.addFlashAttribute("done", "tracing.request.answered");
		return "redirect:/staff/tracing/" + id;
	}

	@PostMapping("/staff/tracing/{id}/close")
	String closeNotFound(@PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
		tracing.closeNotFound(id, principal.getName());
		redirect.addFlashAttribute("done", "tracing.request.closed");
		return "redirect:/staff/tracing/" + id;
	}

	private String request(UUID id, Model model) {
		RequestView view = tracing.open(id);
		model.addAttribute("request", view);
		model.addAttribute("candidates", view.state().inProgress()
				? tracing.candidates(id).stream().map(CandidateRow::of).toList() : java.util.List.of());
		return REQUEST;
	}

}
