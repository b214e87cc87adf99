package org.kinlink.accounts.setup;

import jakarta.validation.Valid;

import org.kinlink.accounts.users.FirstAdministrator;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * First run: while no staff account exists, /setup creates the first administrator. There is no default
 * account or password; once an account exists the page is gone (404).
 */
@Controller
class SetupController {

	static final String VIEW = "accounts/setup";

	private final FirstAdministrator firstAdministrator;

	SetupController(FirstAdministrator firstAdministrator) {
		this.firstAdministrator = firstAdministrator;
	}

	@GetMapping("/setup")
	String initSetupForm(Model model) {
		requireFirstRun();
		model.addAttribute("form", SetupForm.empty());
		return VIEW;
	}

	@PostMapping("/setup")
	String processSetupForm(@Valid @ModelAttribute("form") SetupForm form, BindingResult result) {
		requireFirstRun();
		if (form.password() != null && !form.password().equals(form.passwordAgain())) {
			result.rejectValue("passwordAgain", "account.password.mismatch");
		}
		if (result.hasErrors()) {
			return VIEW;
		}
		firstAdministrator.create(form.username(), form.displayName(), form.password());
		return "redirect:/login?setupDone";
	}

	private void requireFirstRun() {
		if (firstAdministrator.exists()) {
			throw new RecordNotFoundException();
		}
	}

}
