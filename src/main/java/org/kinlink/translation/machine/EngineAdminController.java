package org.kinlink.translation.machine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
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

/**
 * The administrator's pages of the machine-translation port: the engines per language pair, and the form of
 * one pair. Enabling an engine needs a second step: the page names the host the sentences will go to and the
 * administrator confirms exactly that host; changing the address later asks again.
 */
@Controller
@RequestMapping("/staff/admin/translation-engines")
@PreAuthorize("hasRole('ADMIN')")
class EngineAdminController {

	static final String LIST_VIEW = "translation/machine/engines";

	static final String FORM_VIEW = "translation/machine/engine";

	private final EngineSettings settings;

	EngineAdminController(EngineSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	String showEngines(Model model) {
		Map<LanguagePair, EngineSettings.Engine> engines = new LinkedHashMap<>();
		LanguagePair.ALL.forEach(pair -> engines.put(pair, null));
		settings.all().forEach(engine -> engines.put(engine.pair(), engine));
		model.addAttribute("engines", engines);
		return LIST_VIEW;
	}

	@GetMapping("/{pair}")
	String initEngineForm(@PathVariable String pair, Model model) {
		LanguagePair languages = pair(pair);
		Optional<EngineSettings.Engine> engine = settings.find(languages);
		model.addAttribute("form", engine.map(EngineForm::of).orElseGet(EngineForm::empty));
		return form(languages, engine, null, model);
	}

	@PostMapping("/{pair}")
	String processEngineForm(@PathVariable String pair, @Valid @ModelAttribute("form") EngineForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		LanguagePair languages = pair(pair);
		Optional<EngineSettings.Engine> before = settings.find(languages);
		String confirmHost = check(form, before, result);
		if (result.hasErrors()) {
			return form(languages, before, confirmHost, model);
		}
		try {
			settings.save(languages, new EngineSettings.Change(form.engineKind(), form.name().strip(),
					form.baseUrl().strip(), blankToNull(form.model()), Duration.ofSeconds(form.seconds()), form.on(),
					form.confirmedHost(), form.apiKey(), form.clearing(), form.shownVersion()));
		}
		catch (OptimisticLockingFailureException ex) {
			result.reject("machine.engine.changedMeanwhile");
			return form(languages, before, confirmHost, model);
		}
		redirect.addFlashAttribute("notice", form.on() ? "machine.engine.savedOn" : "machine.engine.savedOff");
		return "redirect:/staff/admin/translation-engines";
	}

	/** The checks beyond the annotations; the host to confirm when enabling needs a confirmation, else null. */
	private static String check(EngineForm form, Optional<EngineSettings.Engine> before, BindingResult result) {
		if (!result.hasFieldErrors("baseUrl")) {
			String problem = EngineForm.urlProblem(form.baseUrl());
			if (problem != null) {
				result.rejectValue("baseUrl", problem);
			}
		}
		if (!result.hasFieldErrors("kind") && form.engineKind() == EngineKind.CHAT_COMPLETIONS
				&& (form.model() == null || form.model().isBlank()) && !result.hasFieldErrors("model")) {
			result.rejectValue("model", "machine.engine.modelRequired");
		}
		if (!result.hasFieldErrors("timeoutSeconds")
				&& (form.seconds() < 1 || form.seconds() > EngineForm.MAX_TIMEOUT_SECONDS)) {
			result.rejectValue("timeoutSeconds", "machine.engine.timeoutRange",
					new Object[] { EngineForm.MAX_TIMEOUT_SECONDS }, null);
		}
		if (!form.on() || result.hasFieldErrors("baseUrl")) {
			return null;
		}
		String host = EngineSettings.Engine.host(form.baseUrl());
		boolean confirmedBefore = before.filter(EngineSettings.Engine::usable).map(EngineSettings.Engine::host)
			.filter(h -> h.equals(host)).isPresent();
		if (confirmedBefore || host.equalsIgnoreCase(strip(form.confirmedHost()))) {
			return null;
		}
		result.rejectValue("confirmedHost", "machine.engine.confirmHost", new Object[] { host }, null);
		return host;
	}

	private static String form(LanguagePair pair, Optional<EngineSettings.Engine> engine, String confirmHost, Model model) {
		model.addAttribute("pair", pair);
		model.addAttribute("hasKey", engine.map(EngineSettings.Engine::hasKey).orElse(false));
		model.addAttribute("confirmHost", confirmHost);
		model.addAttribute("plainHttp", confirmHost != null && model.getAttribute("form") instanceof EngineForm f
				&& f.baseUrl().strip().toLowerCase(java.util.Locale.ROOT).startsWith("http:"));
		model.addAttribute("kinds", EngineKind.values());
		return FORM_VIEW;
	}

	private static LanguagePair pair(String code) {
		return LanguagePair.of(code).orElseThrow(RecordNotFoundException::new);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String strip(String text) {
		return text == null ? "" : text.strip();
	}

}
