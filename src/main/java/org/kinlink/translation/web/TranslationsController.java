package org.kinlink.translation.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.validation.Valid;

import org.kinlink.shared.text.PersianText;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.translation.tasks.Aids;
import org.kinlink.translation.tasks.EditorHelp;
import org.kinlink.translation.tasks.SegmentChangedException;
import org.kinlink.translation.tasks.Suggestion;
import org.kinlink.translation.tasks.TargetOrigin;
import org.kinlink.translation.tasks.QaFinding;
import org.kinlink.translation.tasks.Staff;
import org.kinlink.translation.tasks.Submission;
import org.kinlink.translation.tasks.TaskPage;
import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TranslationDesk;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The translators' and reviewers' pages: the task list, the side-by-side editor and the review page. Plain
 * forms with POST-redirect-GET; the desk checks every record for the reader (404 for what is not theirs).
 */
@Controller
@RequestMapping("/staff/translations")
class TranslationsController {

	static final String LIST_VIEW = "translation/list";

	static final String EDITOR_VIEW = "translation/editor";

	static final String REVIEW_VIEW = "translation/review";

	private final TranslationDesk desk;

	private final EditorHelp help;

	private final MessageSource messages;

	TranslationsController(TranslationDesk desk, EditorHelp help, MessageSource messages) {
		this.desk = desk;
		this.help = help;
		this.messages = messages;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('TRANSLATOR','REVIEWER')")
	String showTasks(Authentication auth, Model model) {
		Staff staff = staff(auth);
		model.addAttribute("openTasks", staff.translator() ? desk.openTasks() : List.of());
		model.addAttribute("myTasks", staff.translator() ? desk.tasksOf(staff) : List.of());
		model.addAttribute("reviewTasks", staff.reviewer() ? desk.awaitingReview(staff) : List.of());
		return LIST_VIEW;
	}

	@PostMapping("/{taskId}/take")
	@PreAuthorize("hasRole('TRANSLATOR')")
	String take(@PathVariable UUID taskId, Authentication auth, RedirectAttributes redirect) {
		desk.take(taskId, staff(auth));
		redirect.addFlashAttribute("notice", "translation.notice.taken");
		return "redirect:/staff/translations/" + taskId;
	}

	@GetMapping("/{taskId}")
	@PreAuthorize("hasAnyRole('TRANSLATOR','REVIEWER')")
	String showTask(@PathVariable UUID taskId, Authentication auth, Model model) {
		TaskPage page = desk.open(taskId, staff(auth));
		withAids(page, model);
		if (page.mode() == TaskPage.Mode.EDIT) {
			List<String> targets = page.segments().stream().map(TaskSegment::target).toList();
			model.addAttribute("form", new EditorForm(targets, page.task().viaEnglish(), null));
			return showEditor(page, targets, Map.of(), List.of(), model);
		}
		model.addAttribute("returnForm", ReturnForm.empty());
		return REVIEW_VIEW;
	}

	/**
	 * The editor's autosave of one segment (numbered from 1): the text, the revision the editor last saw and,
	 * when the translator inserted a suggestion, its number (checked against the aids: only an unchanged
	 * suggestion counts as its provenance). Answers JSON: the new revision, or 409 when the segment changed in
	 * another tab, 400 for a text the editor would refuse. The path's number is read as text so that the role
	 * check comes before any conversion.
	 */
	@PostMapping(path = "/{taskId}/segments/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasRole('TRANSLATOR')")
	@ResponseBody
	ResponseEntity<Map<String, Object>> autosave(@PathVariable UUID taskId, @PathVariable String number,
			@RequestParam MultiValueMap<String, String> params, Authentication auth, Locale locale) {
		Staff staff = staff(auth);
		int segment = segmentNumber(number);
		String revision = params.getFirst("revision");
		if (revision == null || !revision.strip().matches("\\d{1,9}")) {
			return problem(HttpStatus.BAD_REQUEST, "translation.error.badSave", locale);
		}
		String text = params.getFirst("target");
		text = text == null ? null : PersianText.normalize(text);
		String problem = EditorForm.problemOf(text);
		if (problem != null) {
			return problem(HttpStatus.BAD_REQUEST, problem, locale);
		}
		String claim = params.getFirst("origin");
		TargetOrigin origin = TargetOrigin.TYPED;
		if (claim != null && claim.strip().matches("[1-9]") && text != null) {
			Suggestion used = claimed(taskId, staff, Map.of(segment, Integer.parseInt(claim.strip())), Map.of(segment, text))
				.get(segment);
			origin = used == null ? TargetOrigin.TYPED : TargetOrigin.of(used);
		}
		try {
			int saved = desk.saveSegment(taskId, staff, segment, text, Integer.parseInt(revision.strip()), origin);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("segment", segment);
			body.put("revision", saved);
			body.put("provenance", origin.provenance().name());
			return ResponseEntity.ok(body);
		}
		catch (SegmentChangedException changed) {
			return problem(HttpStatus.CONFLICT, changed.messageCode(), locale);
		}
	}

	/** A reviewer edits, accepts or queries one segment; the page comes back at that segment. */
	@PostMapping("/{taskId}/segments/{number}/review")
	@PreAuthorize("hasRole('REVIEWER')")
	String reviewSegment(@PathVariable UUID taskId, @PathVariable String number,
			@Valid @ModelAttribute("segmentReview") SegmentReviewForm form, BindingResult result, Authentication auth,
			Model model, RedirectAttributes redirect) {
		Staff staff = staff(auth);
		int segment = segmentNumber(number);
		if (form.lacksNote()) {
			result.rejectValue("note", "translation.review.noteNeeded");
		}
		if (result.hasErrors()) {
			TaskPage page = withAids(desk.open(taskId, staff), model);
			if (page.mode() != TaskPage.Mode.REVIEW) {
				throw new IllegalTransitionException();
			}
			model.addAttribute("returnForm", ReturnForm.empty());
			model.addAttribute("reviewedSegment", segment);
			return REVIEW_VIEW;
		}
		desk.reviewSegment(taskId, staff, segment, form.target() == null ? null : PersianText.normalize(form.target()),
				form.mark(), form.note(), form.revision());
		redirect.addFlashAttribute("notice", "translation.notice.segmentReviewed");
		return "redirect:/staff/translations/" + taskId + "#segment-" + segment;
	}

	@PostMapping("/{taskId}")
	@PreAuthorize("hasRole('TRANSLATOR')")
	String processEditorForm(@PathVariable UUID taskId, @RequestParam MultiValueMap<String, String> params,
			Authentication auth, Model model, RedirectAttributes redirect) {
		Staff staff = staff(auth);
		EditorForm form = EditorForm.from(params);
		model.addAttribute("form", form);
		Map<Integer, String> problems = form.textProblems();
		if (!problems.isEmpty()) {
			model.addAttribute("formError", "translation.editor.fix");
			return showEditor(withAids(editable(taskId, staff), model), form.targetsOrEmpty(), problems, List.of(), model);
		}
		List<String> targets = new ArrayList<>(form.targetsOrEmpty());
		Map<Integer, Integer> claims = new TreeMap<>(form.claimsOrEmpty());
		if (form.use() != null) {
			int n = form.use()[0];
			while (targets.size() < n) {
				targets.add(null);
			}
			claims.put(n, form.use()[1]);
		}
		Map<Integer, String> texts = new TreeMap<>();
		claims.keySet().forEach(n -> texts.put(n, n <= targets.size() ? targets.get(n - 1) : null));
		if (form.use() != null) {
			texts.put(form.use()[0], null); // the "use" button takes the suggestion whatever the field held
		}
		Map<Integer, Suggestion> used = claimed(taskId, staff, claims, texts);
		Map<Integer, TargetOrigin> origins = new TreeMap<>();
		used.forEach((n, suggestion) -> {
			origins.put(n, TargetOrigin.of(suggestion));
			if (form.use() != null && n == form.use()[0]) {
				targets.set(n - 1, suggestion.text());
			}
		});
		List<Integer> conflicts = desk.save(taskId, staff, targets, form.pivot(), form.revisionsOrEmpty(), origins);
		if (!conflicts.isEmpty()) {
			model.addAttribute("formError", "translation.editor.conflict");
			model.addAttribute("conflicts", conflicts);
			return showEditor(withAids(editable(taskId, staff), model), targets, problems, List.of(), model);
		}
		if (!form.submitting()) {
			redirect.addFlashAttribute("notice", form.use() != null ? "translation.notice.used" : "translation.notice.saved");
			return "redirect:/staff/translations/" + taskId + (form.use() != null ? "#segment-" + form.use()[0] : "");
		}
		Submission submission = desk.submit(taskId, staff, form.targetsOrEmpty(), form.pivot(), form.confirming());
		if (submission.submitted()) {
			redirect.addFlashAttribute("notice", "translation.notice.submitted");
			return "redirect:/staff/translations";
		}
		model.addAttribute("formError", !submission.blocked() ? "translation.editor.warnings"
				: submission.findings().stream().filter(QaFinding::blocking).allMatch(f -> f.kind() == QaFinding.Kind.EMPTY)
						? "translation.editor.emptySegments" : "qa.blocked");
		return showEditor(withAids(editable(taskId, staff), model), form.targetsOrEmpty(), problems, submission.findings(), model);
	}

	@PostMapping("/{taskId}/reviewed")
	@PreAuthorize("hasRole('REVIEWER')")
	String markReviewed(@PathVariable UUID taskId, Authentication auth, RedirectAttributes redirect) {
		desk.markReviewed(taskId, staff(auth));
		redirect.addFlashAttribute("notice", "translation.notice.reviewed");
		return "redirect:/staff/translations/" + taskId;
	}

	@PostMapping("/{taskId}/approve")
	@PreAuthorize("hasRole('REVIEWER')")
	String approve(@PathVariable UUID taskId, Authentication auth, RedirectAttributes redirect) {
		desk.approve(taskId, staff(auth));
		redirect.addFlashAttribute("notice", "translation.notice.approved");
		return "redirect:/staff/translations";
	}

	@PostMapping("/{taskId}/return")
	@PreAuthorize("hasRole('REVIEWER')")
	String returnToTranslator(@PathVariable UUID taskId, @Valid @ModelAttribute("returnForm") ReturnForm form,
			BindingResult result, Authentication auth, Model model, RedirectAttributes redirect) {
		Staff staff = staff(auth);
		if (result.hasErrors()) {
			withAids(desk.open(taskId, staff), model);
			return REVIEW_VIEW;
		}
		desk.returnToTranslator(taskId, staff, form.comment());
		redirect.addFlashAttribute("notice", "translation.notice.returned");
		return "redirect:/staff/translations";
	}

	private TaskPage withAids(TaskPage page, Model model) {
		Aids aids = help.of(page);
		model.addAttribute("page", page);
		model.addAttribute("aids", aids);
		Map<Integer, List<SourceMarks.Run>> marked = new HashMap<>();
		page.segments().forEach(s -> marked.put(s.number(), SourceMarks.of(s.source(), aids.termsIn(s.number()))));
		model.addAttribute("marked", marked);
		return page;
	}

	/**
	 * The suggestions the translator says they used (suggestion number by segment number) that the aids really
	 * offer for those segments and that the text holds unchanged (a null text: taken whatever it is, for the
	 * "use" button). Only the claimed segments are opened and given to the aids.
	 */
	private Map<Integer, Suggestion> claimed(UUID taskId, Staff staff, Map<Integer, Integer> claims,
			Map<Integer, String> texts) {
		if (claims.isEmpty()) {
			return Map.of();
		}
		TaskPage page = desk.openSegments(taskId, staff, claims.keySet());
		Aids aids = help.of(page);
		Map<Integer, Suggestion> used = new TreeMap<>();
		claims.forEach((n, k) -> {
			List<Suggestion> offered = aids.suggestionsFor(n);
			if (k >= 1 && k <= offered.size()) {
				Suggestion suggestion = offered.get(k - 1);
				String text = texts.get(n);
				if (text == null || text.strip().equals(suggestion.text().strip())) {
					used.put(n, suggestion);
				}
			}
		});
		return used;
	}

	/** A segment number from the path; anything else is a segment that does not exist. */
	private static int segmentNumber(String number) {
		if (number == null || !number.matches("\\d{1,5}") || Integer.parseInt(number) < 1) {
			throw new RecordNotFoundException();
		}
		return Integer.parseInt(number);
	}

	private ResponseEntity<Map<String, Object>> problem(HttpStatus status, String code, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", code);
		body.put("message", messages.getMessage(code, new Object[] { EditorForm.MAX_SEGMENT_LENGTH }, code, locale));
		return ResponseEntity.status(status).body(body);
	}

	/** The task's page for its translator, refused if the task is no longer in progress. */
	private TaskPage editable(UUID taskId, Staff staff) {
		TaskPage page = desk.open(taskId, staff);
		if (page.mode() != TaskPage.Mode.EDIT) {
			throw new IllegalTransitionException();
		}
		return page;
	}

	/** The editor with what the translator typed (or what is stored), problems per segment and QA findings. */
	private static String showEditor(TaskPage page, List<String> targets, Map<Integer, String> problems,
			List<QaFinding> findings, Model model) {
		List<String> typed = new ArrayList<>(page.segments().size());
		for (int i = 0; i < page.segments().size(); i++) {
			typed.add(i < targets.size() ? targets.get(i) : null);
		}
		model.addAttribute("page", page);
		model.addAttribute("typed", typed);
		if (!model.containsAttribute("conflicts")) {
			model.addAttribute("conflicts", List.of());
		}
		model.addAttribute("segmentProblems", problems);
		model.addAttribute("findings", findings);
		model.addAttribute("maxSegmentLength", EditorForm.MAX_SEGMENT_LENGTH);
		model.addAttribute("warningsOnly", !findings.isEmpty() && findings.stream().noneMatch(QaFinding::blocking));
		return EDITOR_VIEW;
	}

	private static Staff staff(Authentication auth) {
		List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return new Staff(auth.getName(), roles.contains("ROLE_TRANSLATOR"), roles.contains("ROLE_REVIEWER"));
	}

}
