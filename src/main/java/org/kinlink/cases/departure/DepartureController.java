package org.kinlink.cases.departure;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.kinlink.people.People;
import org.kinlink.people.Person;
import org.kinlink.shared.text.PersianText;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Recording a departure: find the person (or enter a new one), the day they left, where from, how they reached
 * safety and who reported it; saving opens the case and drafts the notifications.
 */
@Controller
@RequestMapping("/staff/cases/departures")
@PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR')")
class DepartureController {

	static final String FORM = "cases/departure";

	private final DepartureService service;

	private final People people;

	DepartureController(DepartureService service, People people) {
		this.service = service;
		this.people = people;
	}

	@GetMapping("/new")
	String initCreationForm(@RequestParam(required = false) String q, @RequestParam(required = false) UUID personId,
			Model model) {
		model.addAttribute("form", new DepartureForm(personId, null, null, null, null, null, null, null, null));
		return form(q, personId, model);
	}

	@PostMapping
	String processCreationForm(@Valid @ModelAttribute("form") DepartureForm form, BindingResult result, Model model,
			Principal principal) {
		if (form.departedOn() != null && form.departedOn().isAfter(service.today())) {
			result.rejectValue("departedOn", "cases.departure.date.future");
		}
		if (form.newPerson() && !form.hasNewName()) {
			result.rejectValue("namePersian", "cases.departure.person.needed");
		}
		if (!form.newPerson() && known(form.personId()) == null) {
			result.rejectValue("personId", "cases.departure.person.unknown");
		}
		if (result.hasErrors()) {
			return form(null, form.personId(), model);
		}
		try {
			return "redirect:/staff/cases/" + service.record(form, principal.getName());
		}
		catch (OpenCaseExistsException ex) {
			result.reject(ex.messageCode());
			return form(null, form.personId(), model);
		}
	}

	private String form(String q, UUID personId, Model model) {
		List<Person> found = q == null || q.isBlank() ? List.of() : people.search(PersianText.normalize(q.strip()));
		model.addAttribute("q", q);
		model.addAttribute("found", found);
		model.addAttribute("chosen", personId == null ? null : known(personId));
		return FORM;
	}

	private Person known(UUID personId) {
		try {
			return people.find(personId);
		}
		catch (RecordNotFoundException ex) {
			return null;
		}
	}

}
