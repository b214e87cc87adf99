package org.kinlink.accounts.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Public page where a new or reset account's owner sets a password with the activation code the administrator
 * handed over. Wrong username and wrong code get the same answer.
 */
@Controller
class ActivationController {

	static final String VIEW = "accounts/activate";

	private final StaffAccounts accounts;

	ActivationController(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/activate")
	String initActivationForm(Model model) {
		model.addAttribute("form", ActivationForm.empty());
		return VIEW;
	}

	@PostMapping("/activate")
	String processActivationForm(@Valid @ModelAttribute("form") ActivationForm form, BindingResult result,
			HttpServletRequest request) {
		if (form.password() != null && !form.password().equals(form.passwordAgain())) {
			result.rejectValue("passwordAgain", "account.password.mismatch");
		}
		if (result.hasErrors()) {
			return VIEW;
		}
		switch (accounts.activate(form.username(), form.code(), form.password(), request.getRemoteAddr())) {
			case ACTIVATED -> {
				return "redirect:/login?activated";
			}
			case EXPIRED -> result.reject("accounts.activate.expired");
			case THROTTLED -> result.reject("accounts.activate.throttled");
			case CHANGED_MEANWHILE -> result.reject(StaffAccounts.CHANGED_MEANWHILE);
			default -> result.reject("accounts.activate.invalid");
		}
		return VIEW;
	}

}
