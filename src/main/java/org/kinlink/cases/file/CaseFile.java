package org.kinlink.cases.file;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.kinlink.shared.web.IllegalTransitionException;

/**
 * A case as stored, without its sealed fields: who it is for, who is responsible (the caseworker of record and
 * the team), where it stands. {@code version} guards every save (optimistic locking).
 */
public record CaseFile(UUID id, String reference, UUID personId, UUID keyId, String caseworker, String team,
		CaseState state, RiskLevel riskLevel, Set<String> vulnerabilities, Instant openedAt, Instant closedAt,
		String closureReason, Instant reopenedAt, int version) {

	/** Open or closed. */
	public enum CaseState {
		OPEN, CLOSED
	}

	/** How much danger the person is in, as the caseworker assesses it. */
	public enum RiskLevel {
		LOW, MEDIUM, HIGH, CRITICAL
	}

	public CaseFile {
		vulnerabilities = Set.copyOf(vulnerabilities);
	}

	public boolean open() {
		return state == CaseState.OPEN;
	}

	public CaseFile closed(String reason, Instant at) {
		if (!open()) {
			throw new IllegalTransitionException("cases.case.alreadyClosed");
		}
		return new CaseFile(id, reference, personId, keyId, caseworker, team, CaseState.CLOSED, riskLevel, vulnerabilities,
				openedAt, at, reason, reopenedAt, version);
	}

	public CaseFile reopened(Instant at) {
		if (open()) {
			throw new IllegalTransitionException("cases.case.notClosed");
		}
		return new CaseFile(id, reference, personId, keyId, caseworker, team, CaseState.OPEN, riskLevel, vulnerabilities,
				openedAt, null, null, at, version);
	}

	public CaseFile assessed(RiskLevel level, Set<String> newVulnerabilities) {
		return new CaseFile(id, reference, personId, keyId, caseworker, team, state, level, newVulnerabilities, openedAt,
				closedAt, closureReason, reopenedAt, version);
	}

	public CaseFile assignedTo(String newCaseworker, String newTeam) {
		return new CaseFile(id, reference, personId, keyId, newCaseworker, newTeam, state, riskLevel, vulnerabilities,
				openedAt, closedAt, closureReason, reopenedAt, version);
	}

}
