package org.kinlink.cases.tasks;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.file.CaseAccess;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Marks a task of a case done, from the case page or the home page. */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR')")
class TaskController {

	private final CaseAccess access;

	private final CaseTasks tasks;

	private final AuditTrail audit;

	private final Clock clock;

	TaskController(CaseAccess access, CaseTasks tasks, AuditTrail audit, Clock clock) {
		this.access = access;
		this.tasks = tasks;
		this.audit = audit;
		this.clock = clock;
	}

	@PostMapping("/staff/cases/{id}/tasks/{taskId}/done")
	@Transactional
	String markDone(@PathVariable UUID id, @PathVariable UUID taskId, Authentication authentication,
			RedirectAttributes redirect) {
		CaseReader reader = access.reader(authentication);
		CaseFile file = access.forChange(id, reader, "case.task.done");
		if (!tasks.markDone(file.id(), taskId, reader.username(), clock.instant().truncatedTo(ChronoUnit.MICROS))) {
			throw new RecordNotFoundException();
		}
		audit.record(AuditEvent.success("case.task.done", "case", id).withDetail("task=" + taskId));
		redirect.addFlashAttribute("notice", "cases.task.doneNotice");
		return "redirect:/staff/cases/" + id;
	}

}
