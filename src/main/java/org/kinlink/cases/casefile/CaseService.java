package org.kinlink.cases.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.kinlink.accounts.StaffDirectory;
import org.kinlink.accounts.StaffMember;
import org.kinlink.accounts.StaffRole;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.file.CaseAccess;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseFiles;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.cases.file.CaseSeal;
import org.kinlink.cases.file.RestrictedField;
import org.kinlink.cases.notifications.Notifications;
import org.kinlink.shared.web.IllegalTransitionException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a case from its page. Every change is checked against the version the form was read at (a stale
 * one throws CaseChangedMeanwhileException and saves nothing), lives in the CaseFile transitions and is audited.
 */
@Service
class CaseService {

	static final String RECORD = "case";

	private final CaseAccess access;

	private final CaseFiles files;

	private final CaseSeal seal;

	private final Notifications notifications;

	private final StaffDirectory staff;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseService(CaseAccess access, CaseFiles files, CaseSeal seal, Notifications notifications, StaffDirectory staff,
			AuditTrail audit, JdbcClient jdbc, Clock clock) {
		this.access = access;
		this.files = files;
		this.seal = seal;
		this.notifications = notifications;
		this.staff = staff;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	void assess(UUID caseId, CaseReader reader, CaseForms.AssessmentForm form) {
		CaseFile file = at(access.forChange(caseId, reader, "case.assess"), form.version());
		Set<String> vulnerabilities = form.vulnerabilities() == null ? Set.of() : form.vulnerabilities();
		files.update(file.assessed(form.riskLevel(), vulnerabilities));
		audit.record(AuditEvent.success("case.assess", RECORD, caseId).withDetail("risk=" + form.riskLevel()));
	}

	@Transactional
	void writeNeeds(UUID caseId, CaseReader reader, CaseForms.NeedsForm form) {
		CaseFile file = access.forChange(caseId, reader, "case.needs");
		files.writeSealed(caseId, RestrictedField.NEEDS, seal.seal(file, "needs", caseId, form.needs()), form.version());
		audit.record(AuditEvent.success("case.needs", RECORD, caseId));
	}

	@Transactional
	void writeRestricted(UUID caseId, CaseReader reader, CaseForms.RestrictedForm form) {
		CaseFile file = access.forChange(caseId, reader, "case.restricted.write");
		access.requireRestricted(file, reader, "case.restricted.write");
		int version = form.version();
		files.writeSealed(caseId, RestrictedField.WHEREABOUTS, seal.seal(file, "whereabouts", caseId, form.whereabouts()), version++);
		files.writeSealed(caseId, RestrictedField.CONTACT, seal.seal(file, "contact", caseId, form.contact()), version++);
		files.writeSealed(caseId, RestrictedField.HEALTH, seal.seal(file, "health", caseId, form.health()), version++);
		files.writeSealed(caseId, RestrictedField.SAFETY_PLAN, seal.seal(file, "safety_plan", caseId, form.safetyPlan()), version);
		audit.record(AuditEvent.success("case.restricted.write", RECORD, caseId));
	}

	/** Supervisors hand the case to a caseworker of the case's team (or their own team, for a case without one). */
	@Transactional
	void assign(UUID caseId, CaseReader reader, CaseForms.AssignForm form) {
		CaseFile file = at(access.forChange(caseId, reader, "case.assign"), form.version());
		String team = file.team() != null ? file.team() : reader.team();
		StaffMember member = staff.member(form.caseworker())
			.filter(m -> m.has(StaffRole.CASEWORKER))
			.filter(m -> team == null || team.equals(m.team()))
			.orElseThrow(() -> new IllegalTransitionException("cases.assign.unknown"));
		files.update(file.assignedTo(member.username(), member.team()));
		audit.record(AuditEvent.success("case.assign", RECORD, caseId));
	}

	/** Closes the case; refused while a departure notification has not been dispatched. */
	@Transactional(noRollbackFor = IllegalTransitionException.class)
	void close(UUID caseId, CaseReader reader, CaseForms.CloseForm form) {
		CaseFile file = at(access.forChange(caseId, reader, "case.close"), form.version());
		if (notifications.undispatched(caseId) > 0) {
			audit.record(AuditEvent.denied("case.close", RECORD, caseId).withDetail("unsentNotifications"));
			throw new IllegalTransitionException("cases.close.unsentNotifications");
		}
		files.update(file.closed(form.reason(), now()));
		jdbc.sql("update cases.case_file set closure_note = ? where id = ?")
			.params(seal.seal(file, "closure_note", caseId, form.note()), caseId)
			.update();
		audit.record(AuditEvent.success("case.close", RECORD, caseId).withDetail(form.reason()));
	}

	@Transactional
	void reopen(UUID caseId, CaseReader reader, CaseForms.ReopenForm form) {
		CaseFile file = at(access.forChange(caseId, reader, "case.reopen"), form.version());
		if (file.open()) {
			throw new IllegalTransitionException("cases.case.notClosed");
		}
		if (files.openFor(file.personId()).isPresent()) {
			throw new IllegalTransitionException("cases.reopen.openCaseExists");
		}
		files.update(file.reopened(now()));
		audit.record(AuditEvent.success("case.reopen", RECORD, caseId));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** The case as the form read it: the update then checks that version. */
	static CaseFile at(CaseFile f, int version) {
		return new CaseFile(f.id(), f.reference(), f.personId(), f.keyId(), f.caseworker(), f.team(), f.state(),
				f.riskLevel(), f.vulnerabilities(), f.openedAt(), f.closedAt(), f.closureReason(), f.reopenedAt(), version);
	}

}
