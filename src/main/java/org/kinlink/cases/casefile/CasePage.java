package org.kinlink.cases.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.kinlink.accounts.StaffDirectory;
import org.kinlink.accounts.StaffMember;
import org.kinlink.accounts.StaffRole;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.departure.Departures;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseFiles;
import org.kinlink.cases.file.CasePanel;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.cases.file.CaseSeal;
import org.kinlink.cases.file.RestrictedField;
import org.kinlink.cases.notifications.Notifications;
import org.kinlink.cases.tasks.CaseTasks;
import org.kinlink.people.People;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the case page: the case, the person, the departure, notifications with their deadlines, tasks, the
 * needs assessment, the RESTRICTED fields for those who may open them (audited), every panel, and each edit
 * form with the case version unless the request already holds one (a form shown again with its errors).
 */
@Component
class CasePage {

	static final String VIEW = "cases/case";

	private final CaseFiles files;

	private final CaseSeal seal;

	private final People people;

	private final Departures departures;

	private final Notifications notifications;

	private final CaseTasks tasks;

	private final StaffDirectory staff;

	private final AuditTrail audit;

	private final List<CasePanel> panels;

	private final Clock clock;

	private final ZoneId zone;

	CasePage(CaseFiles files, CaseSeal seal, People people, Departures departures, Notifications notifications,
			CaseTasks tasks, StaffDirectory staff, AuditTrail audit, List<CasePanel> panels, Clock clock,
			@Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
		this.files = files;
		this.seal = seal;
		this.people = people;
		this.departures = departures;
		this.notifications = notifications;
		this.tasks = tasks;
		this.staff = staff;
		this.audit = audit;
		this.panels = panels.stream().sorted(Comparator.comparingInt(CasePanel::order)).toList();
		this.clock = clock;
		this.zone = zone;
	}

	/** The page for a case the reader may see (checked and audited by the caller). */
	String show(CaseFile file, CaseReader reader, Model model) {
		model.addAttribute("file", file);
		model.addAttribute("person", people.find(file.personId()));
		model.addAttribute("departure", departures.of(file).orElse(null));
		model.addAttribute("notifications", notifications.forCase(file.id()));
		model.addAttribute("tasks", tasks.forCase(file.id()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("today", LocalDate.ofInstant(clock.instant(), zone));
		model.addAttribute("caseworkerName", staff.member(file.caseworker()).map(StaffMember::displayName).orElse(file.caseworker()));
		String needs = open(file, RestrictedField.NEEDS, "needs");
		model.addAttribute("needs", needs);
		boolean restricted = reader.opensRestricted(file);
		model.addAttribute("opensRestricted", restricted);
		String whereabouts = null;
		String contact = null;
		String health = null;
		String safetyPlan = null;
		if (restricted) {
			whereabouts = open(file, RestrictedField.WHEREABOUTS, "whereabouts");
			contact = open(file, RestrictedField.CONTACT, "contact");
			health = open(file, RestrictedField.HEALTH, "health");
			safetyPlan = open(file, RestrictedField.SAFETY_PLAN, "safety_plan");
			audit.record(AuditEvent.success("case.restricted.read", CaseService.RECORD, file.id()));
		}
		int version = file.version();
		defaultForm(model, "assessmentForm", new CaseForms.AssessmentForm(file.riskLevel(), file.vulnerabilities(), version));
		defaultForm(model, "needsForm", new CaseForms.NeedsForm(needs, version));
		if (restricted) {
			defaultForm(model, "restrictedForm", new CaseForms.RestrictedForm(whereabouts, contact, health, safetyPlan, version));
		}
		defaultForm(model, "assignForm", new CaseForms.AssignForm(file.caseworker(), version));
		defaultForm(model, "closeForm", new CaseForms.CloseForm(null, null, version));
		defaultForm(model, "reopenForm", new CaseForms.ReopenForm(version));
		if (reader.supervisor()) {
			String team = file.team() != null ? file.team() : reader.team();
			model.addAttribute("caseworkers", staff.team(team).stream().filter(m -> m.has(StaffRole.CASEWORKER)).toList());
		}
		model.addAttribute("riskLevels", CaseFile.RiskLevel.values());
		model.addAttribute("vulnerabilityCategories", CaseForms.VULNERABILITIES);
		model.addAttribute("closureReasons", CaseForms.CLOSURE_REASONS);
		model.addAttribute("undispatched", notifications.undispatched(file.id()));
		panels.forEach(panel -> panel.contribute(file, reader, model));
		model.addAttribute("panels", panels);
		return VIEW;
	}

	private String open(CaseFile file, RestrictedField field, String what) {
		return seal.open(file, what, file.id(), files.sealed(file.id(), field));
	}

	private static void defaultForm(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

}
