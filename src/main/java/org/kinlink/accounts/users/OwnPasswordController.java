package org.kinlink.accounts.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A staff member changes their own password after giving the current one. It acts on the signed-in account
 * only: there is no account id to tamper with (S10).
 */
@Controller
@RequestMapping("/staff/account/password")
@PreAuthorize("isAuthenticated()")
class OwnPasswordController {

	static final String VIEW = "accounts/password";

	private final StaffAccounts accounts;

	OwnPasswordController(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	public String initPasswordForm(Model model) {
		model.addAttribute("form", PasswordChangeForm.empty());
		return VIEW;
	}

	@PostMapping
	public String processPasswordForm(@Valid @ModelAttribute("form") PasswordChangeForm form, BindingResult result,
			Authentication me, HttpServletRequest request) {
		if (form.newPassword() != null && !form.newPassword().equals(form.newPasswordAgain())) {
			result.rejectValue("newPasswordAgain", "account.password.mismatch");
		}
		if (form.newPassword() != null && form.newPassword().equals(form.currentPassword())) {
			result.rejectValue("newPassword", "accounts.password.sameAsCurrent");
		}
		if (result.hasErrors()) {
			return VIEW;
		}
		StaffAccounts.PasswordChangeResult change = accounts.changeOwnPassword(me.getName(), form.currentPassword(),
				form.newPassword(), request.getRemoteAddr());
		switch (change.outcome()) {
			case CHANGED -> {
				var session = request.getSession(false);
				if (session != null) {
					SignedInSession.of(session).ifPresent(s -> s.restamp(session, change.stamp()));
				}
				return "redirect:/staff/account/password?changed";
			}
			case THROTTLED -> result.reject("accounts.password.throttled");
			case CHANGED_MEANWHILE -> result.reject(StaffAccounts.CHANGED_MEANWHILE);
			default -> result.rejectValue("currentPassword", "accounts.password.wrongCurrent");
		}
		return VIEW;
	}

}
