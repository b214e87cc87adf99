package org.kinlink.audit.trail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.kinlink.audit.AuditEvent;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit entries of one transaction, written by {@code beforeCommit}: they reach the database in the same
 * transaction as what they record, but the chain head is locked only at its very end. Registered as a
 * synchronization, it is suspended and resumed with its transaction, so an inner REQUIRES_NEW transaction
 * keeps entries of its own.
 */
final class PendingEntries implements TransactionSynchronization {

	/** An entry as it was recorded: who, from where, what and when. */
	record Pending(String actor, String origin, AuditEvent event, Instant at) {
	}

	private final List<Pending> entries = new ArrayList<>();

	private final Consumer<List<Pending>> writer;

	private PendingEntries(Consumer<List<Pending>> writer) {
		this.writer = writer;
	}

	/**
	 * The pending entries of the current transaction, registered on first use. Must be called inside an
	 * actual transaction (the trail's methods are transactional).
	 */
	static PendingEntries of(Consumer<List<Pending>> writer) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("audit entries need a transaction");
		}
		for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
			if (registered instanceof PendingEntries pending) {
				return pending;
			}
		}
		PendingEntries pending = new PendingEntries(writer);
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	void add(Pending entry) {
		entries.add(entry);
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		if (!entries.isEmpty()) {
			List<Pending> toWrite = List.copyOf(entries);
			entries.clear();
			writer.accept(toWrite);
		}
	}

	@Override
	public int getOrder() {
		// Last among the synchronizations, so that no other lock is taken after the head's.
		return LOWEST_PRECEDENCE;
	}

}
