package org.kinlink.cases.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.file.CaseAccess;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseFiles;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.cases.file.CaseSeal;
import org.kinlink.shared.web.ForbiddenActionException;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records, supersedes and withdraws the decisions about what may be disclosed about a person (S15), and opens
 * their history for those who may read RESTRICTED fields. A new decision ends the current one in the same
 * transaction; ending a decision locks its row, so it waits for any disclosure that rests on it. Refusals are
 * audited and committed (nothing else was written before them).
 */
@Service
class ConsentRecords {

	static final String RECORD = "case";

	static final String SEALED = "legal_basis";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LegalBases bases;

	private final CaseAccess access;

	private final CaseFiles files;

	private final CaseSeal seal;

	private final AuditTrail audit;

	private final Clock clock;

	ConsentRecords(LegalBases bases, CaseAccess access, CaseFiles files, CaseSeal seal, AuditTrail audit, Clock clock) {
		this.bases = bases;
		this.access = access;
		this.files = files;
		this.seal = seal;
		this.audit = audit;
		this.clock = clock;
	}

	/** The current level for everyone who sees the case; the history with its details only for RESTRICTED readers (audited). */
	@Transactional
	ConsentView view(CaseFile file, CaseReader reader) {
		if (!reader.opensRestricted(file)) {
			return ConsentView.levelOnly(bases.current(file.personId()).map(LegalBasis::level).orElse(DisclosureLevel.NOTHING));
		}
		List<LegalBasis> all = bases.forPerson(file.personId());
		Map<UUID, CaseFile> cases = new HashMap<>();
		cases.put(file.id(), file);
		List<ConsentView.Entry> history = all.stream().map(basis -> {
			CaseFile recordedOn = cases.computeIfAbsent(basis.caseId(), id -> files.find(id).orElseThrow());
			String json = seal.open(recordedOn, SEALED, basis.id(), bases.details(basis.id()));
			return new ConsentView.Entry(basis, JSON.readValue(json, ConsentDetails.class));
		}).toList();
		if (!history.isEmpty()) {
			audit.record(AuditEvent.success("consent.read", RECORD, file.id()).withDetail("decisions=" + history.size()));
		}
		LegalBasis current = all.stream().filter(LegalBasis::current).findFirst().orElse(null);
		return new ConsentView(current == null ? DisclosureLevel.NOTHING : current.level(), true, reader.supervisor(),
				current, history);
	}

	/**
	 * Refuses (403, audited) unless the reader may record a decision of this method on the case: the caseworker
	 * of record or a team supervisor, and for a vital-interest decision a supervisor only.
	 */
	void mayRecord(CaseFile file, CaseReader reader, LegalBasis.Method method) {
		access.requireRestricted(file, reader, "consent.record");
		if (method == LegalBasis.Method.SUPERVISOR_DECISION && !reader.supervisor()) {
			audit.record(AuditEvent.denied("consent.record", RECORD, file.id()).withDetail("rule=S15;vital-interest;supervisor-only"));
			throw new ForbiddenActionException("consent.vital.supervisorOnly");
		}
	}

	/** Records the decision on an open case and supersedes the person's current one; returns the new decision's id. */
	@Transactional(noRollbackFor = { ForbiddenActionException.class, RecordNotFoundException.class })
	UUID record(UUID caseId, CaseReader reader, NewDecision decision) {
		CaseFile file = access.forChange(caseId, reader, "consent.record");
		mayRecord(file, reader, decision.method());
		List<NewDecision.Problem> problems = decision.problems();
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("decision not valid: " + problems);
		}
		if (!file.open()) {
			throw new IllegalTransitionException("consent.case.closed");
		}
		bases.lockPerson(file.personId());
		Optional<LegalBasis> previous = bases.lockCurrent(file.personId());
		Instant now = now();
		previous.ifPresent(p -> bases.end(p.id(), now, reader.username(), LegalBasis.Ending.SUPERSEDED));
		UUID id = UUID.randomUUID();
		LegalBasis basis = new LegalBasis(id, file.id(), file.personId(), decision.kind(), decision.level(),
				decision.method(), reader.username(), now, null, null, null);
		bases.insert(basis, seal.seal(file, SEALED, id, JSON.writeValueAsString(decision.details())));
		audit.record(AuditEvent.success("consent.record", RECORD, file.id())
			.withDetail("basis=" + id + ";" + decision.kind() + ";level=" + decision.level() + ";method=" + decision.method()
					+ previous.map(p -> ";supersedes=" + p.id()).orElse("")));
		return id;
	}

	/**
	 * Ends the decision as withdrawn. Waits for a disclosure in progress on it (row lock); a decision that has
	 * already ended is refused; a vital-interest decision is ended by a supervisor only.
	 */
	@Transactional(noRollbackFor = { ForbiddenActionException.class, RecordNotFoundException.class })
	void withdraw(UUID caseId, UUID basisId, CaseReader reader) {
		CaseFile file = access.forChange(caseId, reader, "consent.withdraw");
		access.requireRestricted(file, reader, "consent.withdraw");
		bases.lockPerson(file.personId());
		LegalBasis basis = bases.lock(basisId, file.personId()).orElseThrow(RecordNotFoundException::new);
		basis.requireCurrent();
		if (basis.vitalInterest() && !reader.supervisor()) {
			audit.record(AuditEvent.denied("consent.withdraw", RECORD, file.id()).withDetail("rule=S15;vital-interest;supervisor-only"));
			throw new ForbiddenActionException("consent.vital.supervisorOnly");
		}
		bases.end(basis.id(), now(), reader.username(), LegalBasis.Ending.WITHDRAWN);
		audit.record(AuditEvent.success("consent.withdraw", RECORD, file.id()).withDetail("basis=" + basis.id()));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
