package org.kinlink.retention.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.kinlink.retention.RetentionCategory;
import org.kinlink.retention.rules.FollowUps;
import org.kinlink.retention.rules.RetentionRule;
import org.kinlink.retention.rules.RetentionRules;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's retention page (one form per category, every change audited) and the follow-up list of
 * authorities that received data of shredded records, which the liaison officers work through too.
 */
@Controller
class RetentionAdminController {

	static final String RULES_VIEW = "retention/rules";

	static final String FOLLOW_UP_VIEW = "retention/follow-up";

	private final RetentionRules rules;

	private final FollowUps followUps;

	RetentionAdminController(RetentionRules rules, FollowUps followUps) {
		this.rules = rules;
		this.followUps = followUps;
	}

	@GetMapping("/staff/admin/retention")
	@PreAuthorize("hasRole('ADMIN')")
	String showRules(Model model) {
		return rules(model, null);
	}

	@PostMapping("/staff/admin/retention/{category}")
	@PreAuthorize("hasRole('ADMIN')")
	String processRuleForm(@PathVariable String category, @Valid @ModelAttribute("ruleForm") RuleForm form,
			BindingResult result, Authentication user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		RetentionCategory which = category(category);
		Integer amount = null;
		RetentionRule.Unit unit = null;
		if (!form.keeps() && !result.hasFieldErrors("amount")) {
			unit = unit(form.unit());
			amount = number(form.amount());
			if (!RetentionRule.periodAllowed(which)) {
				result.reject("retention.rule.auditKeepOnly");
			}
			else if (unit == null) {
				result.rejectValue("unit", "retention.rule.unit.invalid");
			}
			else if (form.amount() == null || form.amount().isBlank()) {
				result.rejectValue("amount", "retention.rule.amount.required");
			}
			else if (amount == null) {
				result.rejectValue("amount", "retention.rule.amount.notNumber");
			}
			else {
				int max = unit == RetentionRule.Unit.DAYS ? RetentionRule.MAX_DAYS : RetentionRule.MAX_MONTHS;
				if (amount < 1 || amount > max) {
					result.rejectValue("amount", "retention.rule.amount.range", new Object[] { 1, max }, null);
				}
			}
		}
		if (form.version() == null) {
			result.reject("retention.rule.changedMeanwhile");
		}
		if (!result.hasErrors()) {
			try {
				rules.change(which, form.keeps() ? null : amount, form.keeps() ? null : unit, form.version(), user.getName());
				redirect.addFlashAttribute("notice", "retention.rule.saved");
				return "redirect:/staff/admin/retention";
			}
			catch (OptimisticLockingFailureException ex) {
				result.reject("retention.rule.changedMeanwhile");
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return rules(model, which);
	}

	@GetMapping("/staff/admin/retention/follow-up")
	@PreAuthorize("hasAnyRole('ADMIN','LIAISON')")
	String showFollowUp(Model model) {
		model.addAttribute("followUps", followUps.all());
		return FOLLOW_UP_VIEW;
	}

	@PostMapping("/staff/admin/retention/follow-up/{id}/asked")
	@PreAuthorize("hasAnyRole('ADMIN','LIAISON')")
	String markAsked(@PathVariable UUID id, Authentication user, RedirectAttributes redirect) {
		followUps.asked(id, user.getName());
		redirect.addFlashAttribute("notice", "retention.followUp.marked");
		return "redirect:/staff/admin/retention/follow-up";
	}

	private String rules(Model model, RetentionCategory failed) {
		model.addAttribute("rules", rules.all());
		model.addAttribute("counts", followUps.shreddedCounts());
		model.addAttribute("units", RetentionRule.Unit.values());
		model.addAttribute("failed", failed);
		return RULES_VIEW;
	}

	private static RetentionCategory category(String value) {
		for (RetentionCategory c : RetentionCategory.values()) {
			if (c.name().equals(value)) {
				return c;
			}
		}
		throw new RecordNotFoundException();
	}

	private static RetentionRule.Unit unit(String value) {
		for (RetentionRule.Unit u : RetentionRule.Unit.values()) {
			if (u.name().equals(value)) {
				return u;
			}
		}
		return null;
	}

	/** The number in any script's digits (Persian, Arabic-Indic, Latin); null when it is not a whole number. */
	static Integer number(String text) {
		if (text == null) {
			return null;
		}
		String s = text.strip().toLowerCase(Locale.ROOT);
		if (s.length() > 1 && (s.charAt(0) == '-' || s.charAt(0) == '\u2212')) {
			Integer positive = number(s.substring(1));
			return positive == null ? null : -positive;
		}
		if (s.isEmpty() || s.length() > 9) {
			return s.length() > 9 && s.chars().allMatch(Character::isDigit) ? Integer.MAX_VALUE : null;
		}
		int value = 0;
		for (int i = 0; i < s.length(); i++) {
			int digit = Character.digit(s.charAt(i), 10);
			if (digit < 0) {
				return null;
			}
			value = value * 10 + digit;
		}
		return value;
	}

}
