package org.kinlink.accounts.users;

import java.util.UUID;

import jakarta.validation.Valid;

import org.kinlink.accounts.StaffRole;
import org.kinlink.accounts.factor.SecondFactors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's user management: list, create (with an activation code shown once), change roles,
 * disable and enable, start a password reset, reset a second factor (never see or set one). Administrators only; nobody else gets past method security.
 */
@Controller
@RequestMapping("/staff/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersController {

	static final String LIST_VIEW = "accounts/users";

	static final String NEW_VIEW = "accounts/user-new";

	static final String DETAIL_VIEW = "accounts/user";

	static final String CODE = "activationCode";

	static final String CODE_EXPIRES = "activationCodeExpires";

	private final StaffAccounts accounts;

	private final SecondFactors factors;

	UsersController(StaffAccounts accounts, SecondFactors factors) {
		this.accounts = accounts;
		this.factors = factors;
	}

	@ModelAttribute("allRoles")
	StaffRole[] allRoles() {
		return StaffRole.values();
	}

	@GetMapping
	public String showUsers(Model model) {
		model.addAttribute("users", accounts.all());
		return LIST_VIEW;
	}

	@GetMapping("/new")
	public String initCreationForm(Model model) {
		model.addAttribute("form", NewUserForm.empty());
		return NEW_VIEW;
	}

	@PostMapping
	public String processCreationForm(@Valid @ModelAttribute("form") NewUserForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (!result.hasFieldErrors("username") && accounts.usernameTaken(form.username())) {
			result.rejectValue("username", "accounts.users.usernameTaken");
		}
		if (result.hasErrors()) {
			return NEW_VIEW;
		}
		StaffAccounts.Created created;
		try {
			created = accounts.create(form.username(), form.displayName(), form.team(), form.roles());
		}
		catch (DuplicateKeyException raced) {
			result.rejectValue("username", "accounts.users.usernameTaken");
			return NEW_VIEW;
		}
		showOnce(redirect, created.activation());
		return "redirect:/staff/users/" + created.id();
	}

	@GetMapping("/{id}")
	public String showUser(@PathVariable UUID id, Model model) {
		StaffUser user = accounts.get(id);
		model.addAttribute("user", user);
		model.addAttribute("openCode", accounts.hasOpenCode(id));
		model.addAttribute("factorState", factors.state(id));
		if (!model.containsAttribute("rolesForm")) {
			model.addAttribute("rolesForm", new RolesForm(user.roles()));
		}
		if (!model.containsAttribute("teamForm")) {
			model.addAttribute("teamForm", new TeamForm(user.team()));
		}
		return DETAIL_VIEW;
	}

	@PostMapping("/{id}/roles")
	public String processRolesForm(@PathVariable UUID id, @Valid @ModelAttribute("rolesForm") RolesForm form,
			BindingResult result, Model model, Authentication actor) {
		if (result.hasErrors()) {
			return showUser(id, model);
		}
		accounts.changeRoles(id, form.roles(), actor.getName());
		return "redirect:/staff/users/" + id + "?saved";
	}

	@PostMapping("/{id}/team")
	public String processTeamForm(@PathVariable UUID id, @Valid @ModelAttribute("teamForm") TeamForm form,
			BindingResult result, Model model) {
		if (result.hasErrors()) {
			return showUser(id, model);
		}
		accounts.changeTeam(id, form.team());
		return "redirect:/staff/users/" + id + "?saved";
	}

	@PostMapping("/{id}/reset")
	public String startReset(@PathVariable UUID id, Authentication actor, RedirectAttributes redirect) {
		showOnce(redirect, accounts.startReset(id, actor.getName()));
		return "redirect:/staff/users/" + id;
	}

	/** Ends the account's second factor and sessions; its owner enrols a new one at the next sign-in (S10). */
	@PostMapping("/{id}/second-factor/reset")
	public String resetSecondFactor(@PathVariable UUID id, Authentication actor) {
		factors.reset(id, actor.getName());
		return "redirect:/staff/users/" + id + "?factorReset";
	}

	@PostMapping("/{id}/disable")
	public String disable(@PathVariable UUID id, Authentication actor) {
		accounts.disable(id, actor.getName());
		return "redirect:/staff/users/" + id + "?saved";
	}

	@PostMapping("/{id}/enable")
	public String enable(@PathVariable UUID id) {
		accounts.enable(id);
		return "redirect:/staff/users/" + id + "?saved";
	}

	/** The code travels to the next page once, as a flash attribute, and is gone after it was shown. */
	private static void showOnce(RedirectAttributes redirect, ActivationCodes.Issued issued) {
		redirect.addFlashAttribute(CODE, issued.code());
		redirect.addFlashAttribute(CODE_EXPIRES, issued.expiresAt());
	}

}
