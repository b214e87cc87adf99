package org.kinlink.cases.notifications;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's editor for the departure notification templates, one per kind of authority. Unknown
 * placeholders are refused; a save over someone else's meanwhile is refused with the form shown again.
 */
@Controller
@RequestMapping("/staff/cases/templates")
@PreAuthorize("hasRole('ADMIN')")
class TemplateController {

	static final String LIST = "cases/templates";

	static final String FORM = "cases/template-form";

	static final List<String> KINDS = List.of("POLICE", "MINISTRY", "UN_BODY", "EMBASSY", "INTERNATIONAL_BODY", "OTHER");

	private final NotificationTemplates templates;

	private final AuditTrail audit;

	private final Clock clock;

	TemplateController(NotificationTemplates templates, AuditTrail audit, Clock clock) {
		this.templates = templates;
		this.audit = audit;
		this.clock = clock;
	}

	@ModelAttribute("placeholders")
	List<String> placeholders() {
		return Placeholders.NAMES;
	}

	@GetMapping
	String showTemplates(Model model) {
		List<NotificationTemplate> all = templates.all();
		model.addAttribute("rows", KINDS.stream()
			.map(kind -> new Row(kind, all.stream().filter(t -> t.authorityKind().equals(kind)).findFirst().orElse(null)))
			.toList());
		return LIST;
	}

	/** A kind of authority and its template, if it has one. */
	record Row(String kind, NotificationTemplate template) {
	}

	@GetMapping("/{kind}")
	String initUpdateForm(@PathVariable String kind, Model model) {
		model.addAttribute("kind", known(kind));
		model.addAttribute("form", templates.find(kind).map(TemplateForm::of).orElseGet(TemplateForm::empty));
		return FORM;
	}

	@PostMapping("/{kind}")
	@Transactional
	String processUpdateForm(@PathVariable String kind, @Valid @ModelAttribute("form") TemplateForm form,
			BindingResult result, Model model, Principal principal, RedirectAttributes redirect) {
		model.addAttribute("kind", known(kind));
		reject(result, "subject", form.subject());
		reject(result, "body", form.body());
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			templates.save(kind, form.language(), form.deadlineHours(), form.subject(), form.body(), form.enabled(),
					clock.instant(), principal.getName(), form.version());
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("cases.template.changedMeanwhile");
			return FORM;
		}
		audit.record(AuditEvent.success("case.template.update", "notification_template", kind)
			.withDetail("enabled=" + form.enabled() + ";hours=" + form.deadlineHours()));
		redirect.addFlashAttribute("notice", "cases.template.saved");
		return "redirect:/staff/cases/templates";
	}

	private static void reject(BindingResult result, String field, String text) {
		Set<String> unknown = Placeholders.unknown(text);
		if (!result.hasFieldErrors(field) && !unknown.isEmpty()) {
			result.rejectValue(field, "cases.template.placeholder.unknown",
					new Object[] { "{" + String.join("}, {", unknown) + "}" }, null);
		}
	}

	private static String known(String kind) {
		if (!KINDS.contains(kind)) {
			throw new RecordNotFoundException();
		}
		return kind;
	}

}
