package org.kinlink.referrals.directory;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The authorities directory for liaison staff: list, create, edit, deactivate. */
@Controller
@RequestMapping("/staff/authorities")
@PreAuthorize("hasRole('LIAISON')")
class AuthorityController {

	static final String LIST = "referrals/authorities";

	static final String FORM = "referrals/authority-form";

	private final AuthorityDirectory directory;

	AuthorityController(AuthorityDirectory directory) {
		this.directory = directory;
	}

	@ModelAttribute("kinds")
	AuthorityKind[] kinds() {
		return AuthorityKind.values();
	}

	@GetMapping
	String showAuthorities(Model model) {
		model.addAttribute("authorities", directory.all());
		return LIST;
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		model.addAttribute("form", AuthorityForm.empty());
		return FORM;
	}

	@PostMapping
	String processCreationForm(@Valid @ModelAttribute("form") AuthorityForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORM;
		}
		directory.create(form);
		redirect.addFlashAttribute("notice", "referrals.authority.created");
		return "redirect:/staff/authorities";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable UUID id, Model model) {
		Authority authority = directory.get(id);
		model.addAttribute("authorityId", authority.id());
		model.addAttribute("form", AuthorityForm.of(authority));
		return FORM;
	}

	@PostMapping("/{id}")
	String processUpdateForm(@PathVariable UUID id, @Valid @ModelAttribute("form") AuthorityForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		directory.get(id);
		if (result.hasErrors()) {
			model.addAttribute("authorityId", id);
			return FORM;
		}
		directory.update(id, form);
		redirect.addFlashAttribute("notice", "referrals.authority.updated");
		return "redirect:/staff/authorities";
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		directory.deactivate(id);
		redirect.addFlashAttribute("notice", "referrals.authority.deactivated");
		return "redirect:/staff/authorities";
	}

}
