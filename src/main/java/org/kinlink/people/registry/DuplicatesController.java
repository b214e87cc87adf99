package org.kinlink.people.registry;

import java.security.Principal;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Likely duplicate persons for intake and reviewers: pairs with their score and reasons, twenty a page, and
 * "not the same" to stop a pair being proposed. Merging two persons is not offered (issue #5 leaves it out).
 */
@Controller
@PreAuthorize("hasAnyRole('INTAKE','REVIEWER')")
class DuplicatesController {

	static final String VIEW = "people/duplicates";

	private final DuplicatePairs duplicates;

	DuplicatesController(DuplicatePairs duplicates) {
		this.duplicates = duplicates;
	}

	@GetMapping("/staff/people/duplicates")
	String showDuplicates(@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("result", duplicates.page(page));
		return VIEW;
	}

	@PostMapping("/staff/people/duplicates/not-same")
	String markNotSame(@RequestParam UUID a, @RequestParam UUID b, @RequestParam(defaultValue = "1") int page,
			Principal principal, RedirectAttributes redirect) {
		duplicates.markNotSame(a, b, principal.getName());
		redirect.addFlashAttribute("flash", "people.duplicates.marked");
		redirect.addAttribute("page", Math.max(1, page));
		return "redirect:/staff/people/duplicates";
	}

}
