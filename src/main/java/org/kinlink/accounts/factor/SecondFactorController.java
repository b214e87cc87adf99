package org.kinlink.accounts.factor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second sign-in step (S9), reached only with a right password: a member with a factor gives a code (or a
 * recovery code); a member without one enrols first (QR code drawn here and the secret as text, confirmed with
 * a code), then sees ten recovery codes once. Until then the session reaches nothing under /staff.
 */
@Controller
class SecondFactorController {

	static final String CODE_VIEW = "accounts/factor-code";

	static final String ENROL_VIEW = "accounts/factor-enrol";

	static final String RECOVERY_CODES = "recoveryCodes";

	static final String ISSUER = "Kinlink";

	private final SecondFactors factors;

	SecondFactorController(SecondFactors factors) {
		this.factors = factors;
	}

	@GetMapping(Factors.STEP_URL)
	String initCodeForm(Authentication me, HttpServletRequest request, Model model) {
		if (!Factors.passwordOnly(me)) {
			return "redirect:/staff";
		}
		UUID userId = SignInSteps.userId(request).orElse(null);
		if (userId == null) {
			return "redirect:/login";
		}
		if (factors.state(userId) != SecondFactors.State.ENROLLED) {
			return "redirect:" + Factors.STEP_URL + "/enrol";
		}
		model.addAttribute("form", CodeForm.empty());
		return CODE_VIEW;
	}

	@PostMapping(Factors.STEP_URL)
	String processCodeForm(@Valid @ModelAttribute("form") CodeForm form, BindingResult result, Authentication me,
			HttpServletRequest request, HttpServletResponse response) {
		UUID userId = SignInSteps.userId(request).orElse(null);
		if (userId == null || !Factors.passwordOnly(me)) {
			return "redirect:/login";
		}
		if (result.hasErrors()) {
			return CODE_VIEW;
		}
		switch (factors.verify(userId, me.getName(), form.code(), request.getRemoteAddr(), "login.second-factor")) {
			case ACCEPTED -> {
				SignInSteps.complete(request, response, me);
				return "redirect:/staff";
			}
			case THROTTLED -> result.reject("accounts.factor.throttled");
			default -> result.rejectValue("code", "accounts.factor.wrongCode");
		}
		return CODE_VIEW;
	}

	@GetMapping(Factors.STEP_URL + "/enrol")
	String initEnrolmentForm(Authentication me, HttpServletRequest request, Model model) {
		if (!Factors.passwordOnly(me)) {
			return "redirect:/staff";
		}
		UUID userId = SignInSteps.userId(request).orElse(null);
		if (userId == null) {
			return "redirect:/login";
		}
		if (factors.state(userId) == SecondFactors.State.ENROLLED) {
			return "redirect:" + Factors.STEP_URL;
		}
		model.addAttribute("form", CodeForm.empty());
		return showEnrolment(userId, me.getName(), model);
	}

	@PostMapping(Factors.STEP_URL + "/enrol")
	String processEnrolmentForm(@Valid @ModelAttribute("form") CodeForm form, BindingResult result, Authentication me,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		UUID userId = SignInSteps.userId(request).orElse(null);
		if (userId == null || !Factors.passwordOnly(me)) {
			return "redirect:/login";
		}
		if (factors.state(userId) != SecondFactors.State.ENROLLING) {
			return "redirect:" + Factors.STEP_URL;
		}
		if (!result.hasErrors()) {
			SecondFactors.Confirmation confirmation = factors.confirm(userId, me.getName(), form.code(), request.getRemoteAddr());
			switch (confirmation.check()) {
				case ACCEPTED -> {
					SignInSteps.complete(request, response, me);
					redirect.addFlashAttribute(RECOVERY_CODES, new java.util.ArrayList<>(confirmation.recoveryCodes()));
					return "redirect:" + OwnFactorController.PATH;
				}
				case THROTTLED -> result.reject("accounts.factor.throttled");
				default -> result.rejectValue("code", "accounts.factor.wrongCode");
			}
		}
		return showEnrolment(userId, me.getName(), model);
	}

	private String showEnrolment(UUID userId, String username, Model model) {
		byte[] secret = factors.enrolmentSecret(userId);
		String text = Totp.base32(secret);
		String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
		String uri = "otpauth://totp/" + label + "?secret=" + text + "&issuer=" + ISSUER
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP.getSeconds();
		model.addAttribute("qrCode", QrCode.dataUri(uri));
		model.addAttribute("secret", text.replaceAll("(.{4})(?!$)", "$1 "));
		return ENROL_VIEW;
	}

}
