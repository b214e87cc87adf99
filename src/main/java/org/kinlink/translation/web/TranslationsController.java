package org.kinlink.translation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.translation.tasks.EditorHelp;
import org.kinlink.translation.tasks.QaFinding;
import org.kinlink.translation.tasks.Staff;
import org.kinlink.translation.tasks.Submission;
import org.kinlink.translation.tasks.TaskPage;
import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TranslationDesk;

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

	TranslationsController(TranslationDesk desk, EditorHelp help) {
		this.desk = desk;
		this.help = help;
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
		model.addAttribute("page", page);
		model.addAttribute("aids", help.of(page));
		if (page.mode() == TaskPage.Mode.EDIT) {
			List<String> targets = page.segments().stream().map(TaskSegment::target).toList();
			model.addAttribute("form", new EditorForm(targets, page.task().viaEnglish(), null));
			return showEditor(page, targets, Map.of(), List.of(), model);
		}
		model.addAttribute("returnForm", ReturnForm.empty());
		return REVIEW_VIEW;
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
		if (!form.submitting()) {
			desk.save(taskId, staff, form.targetsOrEmpty(), form.pivot());
			redirect.addFlashAttribute("notice", "translation.notice.saved");
			return "redirect:/staff/translations/" + taskId;
		}
		Submission submission = desk.submit(taskId, staff, form.targetsOrEmpty(), form.pivot(), form.confirming());
		if (submission.submitted()) {
			redirect.addFlashAttribute("notice", "translation.notice.submitted");
			return "redirect:/staff/translations";
		}
		model.addAttribute("formError",
				submission.blocked() ? "translation.editor.emptySegments" : "translation.editor.warnings");
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
		model.addAttribute("page", page);
		model.addAttribute("aids", help.of(page));
		return page;
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
