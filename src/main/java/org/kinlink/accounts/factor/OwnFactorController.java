package org.kinlink.accounts.factor;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.kinlink.accounts.throttle.LoginThrottle;
import org.kinlink.accounts.users.AccountLookup;
import org.kinlink.accounts.users.LoginAccount;
import org.kinlink.accounts.users.SignedInSession;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A staff member's own second factor (S10): new recovery codes, or a new authenticator (re-enrolment), each
 * only after giving the password and a current code. It acts on the signed-in account only: there is no
 * account id to tamper with.
 */
@Controller
@RequestMapping(OwnFactorController.PATH)
@PreAuthorize("isAuthenticated()")
class OwnFactorController {

	static final String PATH = "/staff/account/factor";

	static final String VIEW = "accounts/factor";

	private final SecondFactors factors;

	private final AccountLookup accounts;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final AuditTrail audit;

	OwnFactorController(SecondFactors factors, AccountLookup accounts, PasswordEncoder passwords, LoginThrottle throttle,
			AuditTrail audit) {
		this.factors = factors;
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
	}

	@GetMapping
	public String showFactor(Authentication me, Model model) {
		UUID id = account(me).id();
		model.addAttribute("state", factors.state(id));
		model.addAttribute("codesLeft", factors.recoveryCodesLeft(id));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ReauthenticationForm.empty());
		}
		return VIEW;
	}

	@PostMapping
	public String processFactorForm(@Valid @ModelAttribute("form") ReauthenticationForm form, BindingResult result,
			@RequestParam(name = "action", required = false) String chosen, Authentication me, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		String action = chosen == null ? "" : chosen; // the form binding turns an empty value into null
		if (!action.equals("recovery-codes") && !action.equals("re-enrol")) {
			result.reject("accounts.factor.chooseAction");
		}
		LoginAccount account = account(me);
		if (!result.hasErrors()) {
			reauthenticate(account, form, request.getRemoteAddr(), result);
		}
		if (result.hasErrors()) {
			return showFactor(me, model);
		}
		if (action.equals("recovery-codes")) {
			List<String> codes = factors.newRecoveryCodes(account.id(), account.username());
			redirect.addFlashAttribute(SecondFactorController.RECOVERY_CODES, new ArrayList<>(codes));
			return "redirect:" + PATH;
		}
		long stamp = factors.dropOwn(account.id(), account.username());
		var session = request.getSession(false);
		if (session != null) {
			SignedInSession.of(session).ifPresent(s -> s.restamp(session, stamp));
		}
		SignInSteps.downgrade(request, response, me);
		return "redirect:" + Factors.STEP_URL + "/enrol";
	}

	/** Password (counted by the sign-in throttle) and then a current code (counted by the code throttle). */
	private void reauthenticate(LoginAccount account, ReauthenticationForm form, String client, BindingResult result) {
		if (throttle.isLocked(account.username(), client)) {
			result.reject("accounts.factor.throttled");
			return;
		}
		if (!account.canSignIn() || !passwords.matches(form.currentPassword(), account.passwordHash())) {
			throttle.recordFailure(account.username(), client);
			audit.record(AuditEvent.failure("account.reauthenticated", SecondFactors.RECORD, account.id()).withDetail("wrong-password"));
			result.rejectValue("currentPassword", "accounts.password.wrongCurrent");
			return;
		}
		switch (factors.verify(account.id(), account.username(), form.code(), client, "account.reauthenticated")) {
			case ACCEPTED -> {
			}
			case THROTTLED -> result.reject("accounts.factor.throttled");
			default -> result.rejectValue("code", "accounts.factor.wrongCode");
		}
	}

	private LoginAccount account(Authentication me) {
		return accounts.forLogin(me.getName()).orElseThrow(RecordNotFoundException::new);
	}

}
