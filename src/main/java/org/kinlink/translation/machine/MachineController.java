package org.kinlink.translation.machine;

import java.util.UUID;

import org.kinlink.translation.tasks.Staff;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The translator's button "ask the engine": suggestions for the task's sentences, then back to the editor. */
@Controller
class MachineController {

	private final MachineSuggestions suggestions;

	MachineController(MachineSuggestions suggestions) {
		this.suggestions = suggestions;
	}

	@PostMapping("/staff/translations/{taskId}/machine")
	@PreAuthorize("hasRole('TRANSLATOR')")
	String ask(@PathVariable UUID taskId, Authentication auth, RedirectAttributes redirect) {
		MachineSuggestions.Outcome outcome = suggestions.ask(taskId, staff(auth));
		redirect.addFlashAttribute("notice", outcome.failed() ? "machine.notice.failed" : "machine.notice.asked");
		return "redirect:/staff/translations/" + taskId;
	}

	static Staff staff(Authentication auth) {
		var roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return new Staff(auth.getName(), roles.contains("ROLE_TRANSLATOR"), roles.contains("ROLE_REVIEWER"));
	}

}
