package org.kinlink.translation.glossary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The glossaries at /staff/glossary: translators and reviewers read them and export them; reviewers add, edit,
 * delete and import terms. A glossary is chosen by its pair (?source=fa&target=sq, Persian to Albanian when
 * none is given); an unknown pair is "not found". Plain forms with POST-redirect-GET; the import is a
 * multipart form whose CSRF token travels in the query string (Spring's multipart support is off).
 */
@Controller
@RequestMapping("/staff/glossary")
class GlossaryController {

	static final String LIST_VIEW = "translation/glossary/list";

	static final String EDIT_VIEW = "translation/glossary/edit";

	private static final LanguagePair DEFAULT_PAIR = new LanguagePair("fa", "sq");

	private static final int MAX_PROBLEMS_SHOWN = 20;

	private final Glossary glossary;

	GlossaryController(Glossary glossary) {
		this.glossary = glossary;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('TRANSLATOR','REVIEWER')")
	String showGlossary(@RequestParam(required = false) String source, @RequestParam(required = false) String target,
			Model model) {
		LanguagePair pair = pair(source, target);
		model.addAttribute("form", TermForm.empty(pair));
		return list(pair, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('REVIEWER')")
	String processAddForm(@ModelAttribute("form") TermForm form, BindingResult result, Authentication auth, Model model,
			RedirectAttributes redirect) {
		LanguagePair pair = LanguagePair.of(form.source(), form.target()).orElse(null);
		if (pair == null) {
			result.reject("glossary.error.pair");
			return list(DEFAULT_PAIR, model);
		}
		Map<String, String> problems = form.kindOrNull() == null ? Map.of("kind", "glossary.error.kind")
				: glossary.add(pair, form.draft(), auth.getName());
		if (!problems.isEmpty()) {
			problems.forEach(result::rejectValue);
			return list(pair, model);
		}
		redirect.addFlashAttribute("notice", "glossary.notice.added");
		return redirectTo(pair);
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('REVIEWER')")
	String initEditForm(@PathVariable UUID id, Model model) {
		GlossaryTerm term = glossary.term(id);
		model.addAttribute("form", TermForm.of(term));
		return edit(term, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('REVIEWER')")
	String processEditForm(@PathVariable UUID id, @ModelAttribute("form") TermForm form, BindingResult result,
			Authentication auth, Model model, RedirectAttributes redirect) {
		GlossaryTerm term = glossary.term(id);
		if (form.version() == null) {
			result.reject("glossary.error.changedMeanwhile");
			return edit(term, model);
		}
		Map<String, String> problems = form.kindOrNull() == null ? Map.of("kind", "glossary.error.kind")
				: glossary.update(id, form.version(), form.draft(), auth.getName());
		if (!problems.isEmpty()) {
			problems.forEach(result::rejectValue);
			return edit(term, model);
		}
		redirect.addFlashAttribute("notice", "glossary.notice.saved");
		return redirectTo(term.pair());
	}

	@PostMapping("/{id}/delete")
	@PreAuthorize("hasRole('REVIEWER')")
	String delete(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
		LanguagePair pair = glossary.delete(id, auth.getName());
		redirect.addFlashAttribute("notice", "glossary.notice.deleted");
		return redirectTo(pair);
	}

	@PostMapping("/import")
	@PreAuthorize("hasRole('REVIEWER')")
	String processImport(@RequestParam(required = false) String source, @RequestParam(required = false) String target,
			HttpServletRequest request, Authentication auth, Model model, RedirectAttributes redirect) {
		LanguagePair pair = pair(source, target);
		GlossaryUpload.Read upload = GlossaryUpload.read(request);
		List<ImportProblem> problems;
		if (upload.problem() != null) {
			problems = List.of(ImportProblem.file(upload.problem(), GlossaryFiles.MAX_BYTES / (1024 * 1024)));
		}
		else {
			Glossary.ImportOutcome outcome = glossary.importFile(pair, upload.bytes(), auth.getName());
			if (outcome.imported()) {
				redirect.addFlashAttribute("notice", "glossary.notice.imported");
				redirect.addFlashAttribute("noticeArgs", List.of(outcome.added(), outcome.updated()));
				return redirectTo(pair);
			}
			problems = outcome.problems();
		}
		model.addAttribute("form", TermForm.empty(pair));
		model.addAttribute("importProblems", problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_SHOWN)));
		model.addAttribute("moreProblems", Math.max(0, problems.size() - MAX_PROBLEMS_SHOWN));
		return list(pair, model);
	}

	@GetMapping("/export.csv")
	@PreAuthorize("hasAnyRole('TRANSLATOR','REVIEWER')")
	ResponseEntity<byte[]> exportCsv(@RequestParam(required = false) String source,
			@RequestParam(required = false) String target) {
		LanguagePair pair = pair(source, target);
		return download(glossary.export(pair, false), new MediaType("text", "csv", StandardCharsets.UTF_8), pair, "csv");
	}

	@GetMapping("/export.tbx")
	@PreAuthorize("hasAnyRole('TRANSLATOR','REVIEWER')")
	ResponseEntity<byte[]> exportTbx(@RequestParam(required = false) String source,
			@RequestParam(required = false) String target) {
		LanguagePair pair = pair(source, target);
		return download(glossary.export(pair, true), new MediaType("application", "x-tbx+xml", StandardCharsets.UTF_8),
				pair, "tbx");
	}

	private String list(LanguagePair pair, Model model) {
		model.addAttribute("pair", pair);
		model.addAttribute("pairs", LanguagePair.all());
		model.addAttribute("terms", glossary.terms(pair));
		model.addAttribute("kinds", Arrays.asList(TermKind.values()));
		model.addAttribute("maxMegabytes", GlossaryFiles.MAX_BYTES / (1024 * 1024));
		return LIST_VIEW;
	}

	private String edit(GlossaryTerm term, Model model) {
		model.addAttribute("term", term);
		model.addAttribute("pair", term.pair());
		model.addAttribute("kinds", Arrays.asList(TermKind.values()));
		return EDIT_VIEW;
	}

	private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, LanguagePair pair, String extension) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("glossary-" + pair.source() + "-" + pair.target() + "." + extension)
				.build()
				.toString())
			.body(bytes);
	}

	/** The pair asked for, Persian to Albanian when none is; "not found" for one Kinlink has no glossary for. */
	private static LanguagePair pair(String source, String target) {
		if (source == null && target == null) {
			return DEFAULT_PAIR;
		}
		return LanguagePair.of(source, target).orElseThrow(RecordNotFoundException::new);
	}

	private static String redirectTo(LanguagePair pair) {
		return "redirect:/staff/glossary?source=" + pair.source() + "&target=" + pair.target();
	}

}
