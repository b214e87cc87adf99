package org.kinlink.tracing.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.Disclosures;
import org.kinlink.people.MatchCandidate;
import org.kinlink.people.People;
import org.kinlink.people.Person;
import org.kinlink.people.PersonMatcher;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.tracing.FamilyTracing;
import org.kinlink.tracing.TracingAnswer;
import org.kinlink.tracing.TracingSubmission;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracing requests from receipt to answer. The family's answer is computed at every look from the request and
 * the found person's current decision (S15), so a withdrawal applies at once; a request answered while the
 * person allows nothing reads exactly like one closed as not found. Every change and every opening is audited.
 */
@Service
class TracingService implements FamilyTracing {

	static final int CANDIDATES = 10;

	static final String PURPOSE = "tracing.answer";

	private static final String RECORD = "tracing_request";

	private final TracingRequests requests;

	private final TracingSeal seal;

	private final Disclosures disclosures;

	private final PersonMatcher matcher;

	private final People people;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	TracingService(TracingRequests requests, TracingSeal seal, Disclosures disclosures, PersonMatcher matcher,
			People people, AuditTrail audit, Clock clock, @Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
		this.requests = requests;
		this.seal = seal;
		this.disclosures = disclosures;
		this.matcher = matcher;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
	}

	@Override
	@Transactional
	public UUID submit(TracingSubmission submission) {
		return store(submission, TracingSource.PORTAL, null);
	}

	/** A request staff enter for a family (by telephone, at the office). */
	@Transactional
	UUID enter(TracingSubmission submission, String enteredBy) {
		return store(submission, TracingSource.STAFF, enteredBy);
	}

	private UUID store(TracingSubmission submission, TracingSource source, String by) {
		UUID id = UUID.randomUUID();
		UUID keyId = seal.newKey();
		byte[] details = seal.sealDetails(keyId, id, TracingDetails.of(submission));
		requests.insert(TracingRequest.received(id, keyId, source, submission.language(), details, clock.instant(), today(), by));
		audit.record(AuditEvent.success("tracing.receive", RECORD, id).withDetail(source.name()));
		return id;
	}

	@Override
	@Transactional
	public TracingAnswer answer(UUID requestId) {
		TracingAnswer answer = familyAnswer(load(requestId));
		audit.record(AuditEvent.success("tracing.family-view", RECORD, requestId));
		return answer;
	}

	private TracingAnswer familyAnswer(TracingRequest request) {
		return switch (request.state()) {
			case OPEN, LINKED -> new TracingAnswer(TracingAnswer.Kind.SEARCHING, request.receivedOn(), null, null);
			case CLOSED_NOT_FOUND -> nothingToSay(request);
			case ANSWERED -> switch (disclosures.permitted(request.personId())) {
				case NOTHING -> nothingToSay(request);
				case ALIVE_AND_WELL -> said(request, TracingAnswer.Kind.ALIVE_AND_WELL, null);
				case RECEIVE_MESSAGES, RELAY_MESSAGES -> said(request, TracingAnswer.Kind.MESSAGES_WELCOME, null);
				case SHARE_CONTACT -> said(request, TracingAnswer.Kind.IN_TOUCH, seal.openNote(request));
			};
		};
	}

	private static TracingAnswer nothingToSay(TracingRequest request) {
		return said(request, TracingAnswer.Kind.NO_INFORMATION, null);
	}

	private static TracingAnswer said(TracingRequest request, TracingAnswer.Kind kind, String note) {
		return new TracingAnswer(kind, request.receivedOn(), request.answeredOn(), note);
	}

	/** The staff list, by state (every state when null); ids, states and dates only. */
	@Transactional(readOnly = true)
	List<TracingRequests.Row> list(TracingState state) {
		return requests.list(state);
	}

	/** The request opened for staff, with its details, the linked person and what the family reads now; audited. */
	@Transactional
	RequestView open(UUID id) {
		TracingRequest request = load(id);
		audit.record(AuditEvent.success("tracing.read", RECORD, id));
		TracingDetails details = seal.openDetails(request);
		Person person = request.personId() == null ? null : people.find(request.personId());
		String note = request.note() == null ? null : seal.openNote(request);
		return new RequestView(request.id(), request.state(), request.source(), request.language(), request.receivedAt(),
				request.answeredOn(), request.answeredBy(), request.createdBy(), details, person, note, familyAnswer(request));
	}

	/** The persons the matcher proposes for whoever is sought, best first (each audited as read by the matcher). */
	@Transactional
	List<MatchCandidate> candidates(UUID id) {
		TracingRequest request = load(id);
		return matcher.candidates(seal.openDetails(request).nameQuery(), CANDIDATES);
	}

	/** Links the request to a known person; 404 for an unknown person. */
	@Transactional
	void link(UUID id, UUID personId) {
		TracingRequest request = locked(id);
		people.find(personId);
		requests.update(request.linkTo(personId));
		audit.record(AuditEvent.success("tracing.link", RECORD, id));
	}

	/** Creates a person from whoever is sought and links the request to them; returns the person's id. */
	@Transactional
	UUID createPersonAndLink(UUID id) {
		TracingRequest request = locked(id);
		if (!request.state().inProgress()) {
			throw new org.kinlink.shared.web.IllegalTransitionException("tracing.error.notInProgress");
		}
		UUID personId = people.create(seal.openDetails(request).asPerson());
		requests.update(request.linkTo(personId));
		audit.record(AuditEvent.success("tracing.link", RECORD, id).withDetail("new-person"));
		return personId;
	}

	/**
	 * Answers the family. Whatever the person allows above NOTHING goes through the consent gate, which audits
	 * the disclosure and holds the decision until this transaction ends; a note for the family needs their
	 * consent to share contact details, else {@link org.kinlink.cases.DisclosureRefusedException}.
	 */
	@Transactional(noRollbackFor = org.kinlink.cases.DisclosureRefusedException.class)
	void answerFamily(UUID id, String note, String by) {
		TracingRequest request = locked(id);
		if (request.state() != TracingState.LINKED) {
			throw new org.kinlink.shared.web.IllegalTransitionException("tracing.error.notLinked");
		}
		DisclosureLevel level = note != null ? DisclosureLevel.SHARE_CONTACT : disclosures.permitted(request.personId());
		if (level != DisclosureLevel.NOTHING) {
			disclosures.require(request.personId(), level, PURPOSE);
		}
		byte[] sealedNote = note == null ? null : seal.sealNote(request.keyId(), id, note);
		requests.update(request.answer(today(), by, sealedNote));
		audit.record(AuditEvent.success("tracing.answer", RECORD, id));
	}

	/** Closes the request: nobody was found. The family reads the same neutral answer as when a person chose nothing. */
	@Transactional
	void closeNotFound(UUID id, String by) {
		requests.update(locked(id).closeNotFound(today(), by));
		audit.record(AuditEvent.success("tracing.close", RECORD, id));
	}

	private TracingRequest load(UUID id) {
		return requests.find(id).orElseThrow(RecordNotFoundException::new);
	}

	private TracingRequest locked(UUID id) {
		return requests.lock(id).orElseThrow(RecordNotFoundException::new);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

}
