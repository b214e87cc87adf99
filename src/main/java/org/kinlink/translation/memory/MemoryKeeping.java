package org.kinlink.translation.memory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.storage.Vault;
import org.kinlink.translation.tasks.TaskReader;
import org.kinlink.translation.tasks.TaskReader.ApprovedPairs;
import org.kinlink.translation.tasks.TaskSegment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What goes into the memory and what leaves it: the pairs of approved tasks, TMX imports (one transaction
 * each: all units or none), exports and the forgetting of an import. Each batch gets its own Vault key; the
 * index learns of a batch only once its transaction committed. Every change and every export is audited
 * with counts and languages, never text.
 */
@Service
class MemoryKeeping {

	static final String RECORD = "translation_memory";

	private final MemoryStore store;

	private final MemoryIndex index;

	private final TaskReader tasks;

	private final Vault vault;

	private final AuditTrail audit;

	private final Clock clock;

	MemoryKeeping(MemoryStore store, MemoryIndex index, TaskReader tasks, Vault vault, AuditTrail audit, Clock clock) {
		this.store = store;
		this.index = index;
		this.tasks = tasks;
		this.vault = vault;
		this.audit = audit;
		this.clock = clock;
	}

	/** Keeps the segment pairs of an approved task once; a second delivery of the event changes nothing. */
	@Transactional
	public void keepApproved(UUID taskId) {
		if (store.hasTask(taskId)) {
			return;
		}
		ApprovedPairs approved = tasks.approvedPairs(taskId, "MEMORY").orElse(null);
		if (approved == null) {
			return;
		}
		List<MemoryUnit> units = new ArrayList<>();
		for (TaskSegment segment : approved.segments()) {
			if (segment.source() != null && !segment.source().isBlank() && segment.target() != null
					&& !segment.target().isBlank()) {
				units.add(new MemoryUnit(segment.source().strip(), segment.target().strip()));
			}
		}
		LanguagePair pair = new LanguagePair(approved.task().sourceLanguage(), approved.task().targetLanguage());
		String approver = approved.task().approver() == null ? "system" : approved.task().approver();
		UUID keyId = vault.newKey();
		MemoryBatch batch = new MemoryBatch(UUID.randomUUID(), MemoryBatch.Origin.TASK, taskId, pair, keyId,
				units.size(), approver,
				approved.task().approvedAt() == null ? clock.instant() : approved.task().approvedAt());
		if (!store.insert(batch, units)) {
			vault.shred(keyId); // another delivery of the event was first
			return;
		}
		audit.recordAs("system", AuditEvent.success("translation.memory.keep", RECORD, batch.id())
			.withDetail(pair.label() + " " + units.size()));
		afterCommit(() -> index.add(batch, units));
	}

	/** Stores an import as one batch in one transaction and returns it; the index has it after the commit. */
	@Transactional
	public MemoryBatch importUnits(LanguagePair pair, List<MemoryUnit> units, String user) {
		MemoryBatch batch = new MemoryBatch(UUID.randomUUID(), MemoryBatch.Origin.IMPORT, null, pair, vault.newKey(),
				units.size(), user, clock.instant());
		store.insert(batch, units);
		audit.record(AuditEvent.success("translation.memory.import", RECORD, batch.id())
			.withDetail(pair.label() + " " + units.size()));
		afterCommit(() -> index.add(batch, units));
		return batch;
	}

	/** Every unit of a language pair, opened for a TMX export (audited with the count). */
	@Transactional
	public List<Exported> export(LanguagePair pair) {
		List<Exported> all = new ArrayList<>();
		for (MemoryBatch batch : store.batches(pair)) {
			store.open(batch).forEach(unit -> all.add(new Exported(unit, batch)));
		}
		audit.record(AuditEvent.success("translation.memory.export", RECORD, pair.label())
			.withDetail(pair.label() + " " + all.size()));
		return all;
	}

	/** Forgets an import: its rows are deleted and its key shredded. 404 for anything but an import. */
	@Transactional
	public MemoryBatch forgetImport(UUID batchId) {
		MemoryBatch batch = store.find(batchId)
			.filter(found -> found.origin() == MemoryBatch.Origin.IMPORT)
			.orElseThrow(RecordNotFoundException::new);
		forget(batch);
		return batch;
	}

	/**
	 * Forgets the pairs a task gave the memory (for the erasure of a family's letter): rows deleted, key shredded.
	 * Nothing happens when the task gave none.
	 */
	@Transactional
	public void forgetTask(UUID taskId) {
		store.findForTask(taskId).ifPresent(this::forget);
	}

	private void forget(MemoryBatch batch) {
		store.forget(batch);
		audit.record(AuditEvent.success("translation.memory.forget", RECORD, batch.id())
			.withDetail(batch.pair().label() + " " + batch.unitCount()));
		afterCommit(() -> index.remove(batch.id()));
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	/** A unit opened for export, with the batch telling who and when. */
	record Exported(MemoryUnit unit, MemoryBatch batch) {
	}

}
