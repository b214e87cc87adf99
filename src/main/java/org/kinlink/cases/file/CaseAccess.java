package org.kinlink.cases.file;

import java.util.UUID;

import org.kinlink.accounts.StaffDirectory;
import org.kinlink.accounts.StaffMember;
import org.kinlink.accounts.StaffRole;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.web.ForbiddenActionException;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Record-level access to cases (S13), checked on the server for every request: a case the reader may not see
 * is "not found" (404, so its existence is not confirmed), a RESTRICTED field they may not open is refused
 * (403). Every read of a case and every refusal is audited (S17).
 */
@Component
public class CaseAccess {

	private static final String RECORD = "case";

	private final CaseFiles files;

	private final StaffDirectory staff;

	private final AuditTrail audit;

	CaseAccess(CaseFiles files, StaffDirectory staff, AuditTrail audit) {
		this.files = files;
		this.staff = staff;
		this.audit = audit;
	}

	/** The reader behind a request; their team comes from the staff directory, so a change applies at once. */
	public CaseReader reader(Authentication authentication) {
		String username = authentication.getName();
		String team = staff.member(username).map(StaffMember::team).orElse(null);
		return new CaseReader(username, team, has(authentication, StaffRole.CASEWORKER),
				has(authentication, StaffRole.SUPERVISOR));
	}

	/** The case for reading, audited as "case.read" (or the denial); 404 when the reader may not see it. */
	public CaseFile read(UUID caseId, CaseReader reader) {
		return visible(caseId, reader, "case.read");
	}

	/**
	 * The case for a change, not audited here (the change is): 404 when the reader may not see it. The
	 * {@code action} names the change in the audit of a refusal.
	 */
	public CaseFile forChange(UUID caseId, CaseReader reader, String action) {
		CaseFile file = visible(caseId, reader, action);
		if (files.shreddedAt(caseId).isPresent()) {
			throw new IllegalTransitionException("retention.removed.action");
		}
		return file;
	}

	/** When retention shredded the case (its page then says so), or empty while it is intact. */
	public java.util.Optional<java.time.Instant> shreddedAt(UUID caseId) {
		return files.shreddedAt(caseId);
	}

	/** Refuses (403, audited) unless the reader may open the case's RESTRICTED fields. */
	public void requireRestricted(CaseFile file, CaseReader reader, String action) {
		if (!reader.opensRestricted(file)) {
			audit.record(AuditEvent.denied(action, RECORD, file.id()).withDetail("rule=S13;restricted"));
			throw new ForbiddenActionException("cases.restricted.denied");
		}
	}

	private CaseFile visible(UUID caseId, CaseReader reader, String action) {
		CaseFile file = files.find(caseId).orElseThrow(RecordNotFoundException::new);
		if (!reader.sees(file)) {
			audit.record(AuditEvent.denied(action, RECORD, caseId).withDetail("rule=S13"));
			throw new RecordNotFoundException();
		}
		if ("case.read".equals(action)) {
			audit.record(AuditEvent.success(action, RECORD, caseId));
		}
		return file;
	}

	private static boolean has(Authentication authentication, StaffRole role) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(role.authority()::equals);
	}

}
