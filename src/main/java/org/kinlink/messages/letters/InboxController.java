package org.kinlink.messages.letters;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.kinlink.messages.MessageStatus;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The staff inbox: what arrived, by state, date and language; references and dates only, never content. */
@Controller
@PreAuthorize("hasAnyRole('INTAKE','REVIEWER')")
class InboxController {

	static final String VIEW = "inbox/list";

	private final InboxQueries inbox;

	InboxController(InboxQueries inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/staff/messages")
	String showInbox(@Valid @ModelAttribute("filter") InboxFilter filter, BindingResult result, Model model,
			HttpServletResponse response) {
		rejectImplausible(filter.from(), "from", result);
		rejectImplausible(filter.to(), "to", result);
		if (filter.datesReversed()) {
			result.rejectValue("to", "inbox.filter.dates.reversed");
		}
		InboxFilter applied = filter;
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			applied = InboxFilter.NONE;
		}
		model.addAttribute("page", inbox.page(applied));
		model.addAttribute("statuses", MessageStatus.values());
		model.addAttribute("languages", List.of("fa", "prs", "en", "sq", "other"));
		return VIEW;
	}

	/** Years the database and the calendar handle sensibly; anything else is a typing error, not a query. */
	private static void rejectImplausible(java.time.LocalDate date, String field, BindingResult result) {
		if (date != null && (date.getYear() < 2000 || date.getYear() > 2100) && !result.hasFieldErrors(field)) {
			result.rejectValue(field, "inbox.filter.date.implausible");
		}
	}

}
