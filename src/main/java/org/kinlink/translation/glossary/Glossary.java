package org.kinlink.translation.glossary;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The glossaries, one per language pair: reviewers keep them (every change audited), translators read them,
 * the editor marks their terms in the source and QA checks that the translation uses them. Terms are found
 * through an in-memory {@link TermIndex} per pair, rebuilt when the pair's revision in the database moves, so
 * every node sees a change on its next look-up.
 */
@Service
public class Glossary {

	static final String RECORD = "glossary_term";

	private final GlossaryRepository repository;

	private final AuditTrail audit;

	private final Clock clock;

	private final Map<LanguagePair, TermIndex> indexes = new ConcurrentHashMap<>();

	Glossary(GlossaryRepository repository, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	/** The pair's terms, ordered by their key. */
	@Transactional(readOnly = true)
	public List<GlossaryTerm> terms(LanguagePair pair) {
		return repository.terms(pair);
	}

	@Transactional(readOnly = true)
	public GlossaryTerm term(UUID id) {
		return repository.find(id).orElseThrow(RecordNotFoundException::new);
	}

	/** The pair's term index, rebuilt if the glossary changed since it was built. */
	@Transactional(readOnly = true)
	public TermIndex index(LanguagePair pair) {
		long revision = repository.revision(pair);
		TermIndex index = indexes.get(pair);
		if (index == null || index.revision() != revision) {
			index = new TermIndex(repository.terms(pair), revision);
			indexes.put(pair, index);
		}
		return index;
	}

	/**
	 * Adds a term; the problems (field to message code) when the draft is not acceptable or the term is already
	 * in the glossary, else empty.
	 */
	@Transactional
	public Map<String, String> add(LanguagePair pair, TermDraft draft, String user) {
		Map<String, String> problems = new HashMap<>(TermRules.problems(draft));
		if (problems.isEmpty() && repository.findByKey(pair, MatchText.key(draft.term())).isPresent()) {
			problems.put("term", "glossary.error.exists");
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		UUID id = UUID.randomUUID();
		if (!repository.insert(id, pair, draft, user, clock.instant())) {
			// added by someone else between the look-up and the insert
			return Map.of("term", "glossary.error.exists");
		}
		repository.bumpRevision(pair);
		audit.record(AuditEvent.success("glossary.term.add", RECORD, id).withDetail(pairName(pair)));
		return Map.of();
	}

	/** Changes a term read at the given version; 404 if gone, 409 if someone changed it meanwhile. */
	@Transactional
	public Map<String, String> update(UUID id, int version, TermDraft draft, String user) {
		GlossaryTerm current = term(id);
		Map<String, String> problems = new HashMap<>(TermRules.problems(draft));
		Optional<GlossaryTerm> same = problems.isEmpty()
				? repository.findByKey(current.pair(), MatchText.key(draft.term())) : Optional.empty();
		if (same.isPresent() && !same.get().id().equals(id)) {
			problems.put("term", "glossary.error.exists");
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		if (!repository.update(id, version, draft, user, clock.instant())) {
			throw new IllegalTransitionException("glossary.error.changedMeanwhile");
		}
		repository.bumpRevision(current.pair());
		audit.record(AuditEvent.success("glossary.term.edit", RECORD, id).withDetail(pairName(current.pair())));
		return Map.of();
	}

	@Transactional
	public LanguagePair delete(UUID id, String user) {
		GlossaryTerm current = term(id);
		repository.delete(id);
		repository.bumpRevision(current.pair());
		audit.record(AuditEvent.success("glossary.term.delete", RECORD, id).withDetail(pairName(current.pair())));
		return current.pair();
	}

	/**
	 * Imports a CSV or TBX file (told apart by content) into the pair's glossary: all of it, or, with any problem,
	 * nothing. Terms already in the glossary take the file's renderings, kind and note.
	 */
	@Transactional
	public ImportOutcome importFile(LanguagePair pair, byte[] bytes, String user) {
		if (bytes.length == 0) {
			return ImportOutcome.refused(List.of(ImportProblem.file("glossary.import.empty")));
		}
		if (bytes.length > GlossaryFiles.MAX_BYTES) {
			return ImportOutcome.refused(List.of(ImportProblem.file("glossary.import.tooLarge", GlossaryFiles.MAX_BYTES / (1024 * 1024))));
		}
		ImportedTerms imported = GlossaryFiles.looksLikeXml(bytes) ? TbxGlossary.read(bytes, pair) : CsvGlossary.read(bytes, pair);
		List<ImportProblem> problems = new ArrayList<>(imported.problems());
		Map<String, Integer> seen = new HashMap<>();
		for (ImportedTerms.Row row : imported.rows()) {
			TermRules.problems(row.draft()).values().stream().findFirst()
				.ifPresent(code -> problems.add(ImportProblem.at(row.row(), code)));
			String key = MatchText.key(row.draft().term() == null ? "" : row.draft().term());
			Integer first = key.isEmpty() ? null : seen.putIfAbsent(key, row.row());
			if (first != null) {
				problems.add(ImportProblem.at(row.row(), "glossary.import.duplicate", first));
			}
		}
		if (!problems.isEmpty()) {
			audit.record(AuditEvent.failure("glossary.import", RECORD, pairName(pair)).withDetail(problems.size() + " problems"));
			problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
			return ImportOutcome.refused(problems);
		}
		int added = 0;
		int updated = 0;
		Map<String, GlossaryTerm> present = new HashMap<>();
		repository.terms(pair).forEach(term -> present.put(term.key(), term));
		for (ImportedTerms.Row row : imported.rows()) {
			Optional<GlossaryTerm> existing = Optional.ofNullable(present.get(MatchText.key(row.draft().term())));
			boolean written = existing.isPresent()
					? repository.update(existing.get().id(), existing.get().version(), row.draft(), user, clock.instant())
					: repository.insert(UUID.randomUUID(), pair, row.draft(), user, clock.instant());
			if (!written) {
				// someone changed the glossary while the file was read: all or nothing, so nothing
				throw new IllegalTransitionException("glossary.error.changedMeanwhile");
			}
			if (existing.isPresent()) {
				updated++;
			}
			else {
				added++;
			}
		}
		repository.bumpRevision(pair);
		audit.record(AuditEvent.success("glossary.import", RECORD, pairName(pair)).withDetail(added + " added, " + updated + " updated"));
		return new ImportOutcome(added, updated, List.of());
	}

	/** The pair's glossary as a file; audited. */
	@Transactional
	public byte[] export(LanguagePair pair, boolean tbx) {
		List<GlossaryTerm> terms = repository.terms(pair);
		audit.record(AuditEvent.success("glossary.export", RECORD, pairName(pair)).withDetail((tbx ? "tbx " : "csv ") + terms.size()));
		return tbx ? TbxGlossary.write(terms, pair) : CsvGlossary.write(terms, pair);
	}

	private static String pairName(LanguagePair pair) {
		return pair.source() + "-" + pair.target();
	}

	/** What an import did: terms added and updated, or the problems that stopped it (then nothing changed). */
	public record ImportOutcome(int added, int updated, List<ImportProblem> problems) {

		public ImportOutcome {
			problems = List.copyOf(problems);
		}

		static ImportOutcome refused(List<ImportProblem> problems) {
			return new ImportOutcome(0, 0, problems);
		}

		public boolean imported() {
			return problems.isEmpty();
		}

	}

}
