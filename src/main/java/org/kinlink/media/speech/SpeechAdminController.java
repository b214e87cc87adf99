package org.kinlink.media.speech;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page of the speech-to-text port, with the warning that audio leaves Kinlink for that server. */
@Controller
@RequestMapping("/staff/media/speech")
@PreAuthorize("hasRole('ADMIN')")
class SpeechAdminController {

	static final String VIEW = "transcripts/speech";

	private final SpeechSettings settings;

	SpeechAdminController(SpeechSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	String show(Model model) {
		SpeechSettings.Engine engine = settings.current().orElse(new SpeechSettings.Engine(false, "", "", false, 0));
		model.addAttribute("form", new SpeechForm(engine.enabled(), engine.baseUrl(), engine.model(), "", false, engine.version()));
		model.addAttribute("hasKey", engine.hasKey());
		return VIEW;
	}

	@PostMapping
	String save(@Valid @ModelAttribute("form") SpeechForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("hasKey", settings.current().map(SpeechSettings.Engine::hasKey).orElse(false));
			return VIEW;
		}
		settings.save(form.on(), form.baseUrl().strip(), form.model().strip(), form.apiKey(), form.clearing(), form.shownVersion());
		redirect.addFlashAttribute("notice", "transcripts.speech.saved");
		return "redirect:/staff/media/speech";
	}

}
