package org.kinlink.translation.memory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.storage.Vault;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Batches and their sealed pages in the translation schema. Each page holds up to {@value #PAGE_SIZE} units
 * sealed under the batch's key with the context "translation.memory.page:&lt;batch&gt;:&lt;page&gt;", so a
 * page cannot be moved to another batch or position unnoticed. Nothing here audits: callers do.
 */
@Repository
class MemoryStore {

	static final int PAGE_SIZE = 500;

	private static final String COLUMNS = """
			id, origin, task_id, source_language, target_language, key_id, unit_count, created_by, created_at""";

	private final JdbcClient jdbc;

	private final Vault vault;

	MemoryStore(JdbcClient jdbc, Vault vault) {
		this.jdbc = jdbc;
		this.vault = vault;
	}

	/**
	 * Seals and stores the units of a new batch under its key; false (and nothing written) when the task already
	 * has its batch. Call inside a transaction.
	 */
	boolean insert(MemoryBatch batch, List<MemoryUnit> units) {
		int inserted = jdbc.sql("insert into translation.memory_batch (" + COLUMNS + ") values (:id, :origin, :taskId, "
				+ ":source, :target, :keyId, :count, :createdBy, :createdAt) on conflict (task_id) do nothing")
			.param("id", batch.id())
			.param("origin", batch.origin().name())
			.param("taskId", batch.taskId())
			.param("source", batch.pair().source())
			.param("target", batch.pair().target())
			.param("keyId", batch.keyId())
			.param("count", units.size())
			.param("createdBy", batch.createdBy())
			.param("createdAt", Timestamp.from(batch.createdAt()))
			.update();
		if (inserted == 0) {
			return false;
		}
		for (int from = 0, page = 0; from < units.size(); from += PAGE_SIZE, page++) {
			List<MemoryUnit> slice = units.subList(from, Math.min(units.size(), from + PAGE_SIZE));
			byte[] sealed = vault.seal(batch.keyId(), PageCodec.encode(slice), context(batch.id(), page));
			jdbc.sql("insert into translation.memory_page (batch_id, page_no, unit_count, units) values (?, ?, ?, ?)")
				.params(batch.id(), page, slice.size(), sealed)
				.update();
		}
		return true;
	}

	boolean hasTask(UUID taskId) {
		return jdbc.sql("select count(*) from translation.memory_batch where task_id = ?").param(taskId)
			.query(Long.class).single() > 0;
	}

	Optional<MemoryBatch> find(UUID batchId) {
		return jdbc.sql("select " + COLUMNS + " from translation.memory_batch where id = ?").param(batchId)
			.query(MemoryStore::batch).optional();
	}

	Optional<MemoryBatch> findForTask(UUID taskId) {
		return jdbc.sql("select " + COLUMNS + " from translation.memory_batch where task_id = ?").param(taskId)
			.query(MemoryStore::batch).optional();
	}

	/** Every batch, oldest first (the order the index is built in). */
	List<MemoryBatch> batches() {
		return jdbc.sql("select " + COLUMNS + " from translation.memory_batch order by created_at, id")
			.query(MemoryStore::batch).list();
	}

	List<MemoryBatch> batches(LanguagePair pair) {
		return jdbc.sql("select " + COLUMNS + " from translation.memory_batch where source_language = ? "
				+ "and target_language = ? order by created_at, id")
			.params(pair.source(), pair.target())
			.query(MemoryStore::batch).list();
	}

	List<MemoryBatch> imports() {
		return jdbc.sql("select " + COLUMNS + " from translation.memory_batch where origin = 'IMPORT' "
				+ "order by created_at desc, id").query(MemoryStore::batch).list();
	}

	/** How many units each language pair holds. */
	List<PairCount> counts() {
		return jdbc.sql("select source_language, target_language, sum(unit_count) as units, count(*) as batches "
				+ "from translation.memory_batch group by source_language, target_language "
				+ "order by source_language, target_language")
			.query((rs, n) -> new PairCount(new LanguagePair(rs.getString(1), rs.getString(2)), rs.getLong(3),
					rs.getLong(4)))
			.list();
	}

	/** Opens every page of the batch; throws SealBrokenException when the key was shredded or a page altered. */
	List<MemoryUnit> open(MemoryBatch batch) {
		List<MemoryUnit> units = new ArrayList<>(batch.unitCount());
		jdbc.sql("select page_no, units from translation.memory_page where batch_id = ? order by page_no")
			.param(batch.id())
			.query((rs, n) -> new SealedPage(rs.getInt(1), rs.getBytes(2)))
			.list()
			.forEach(page -> units.addAll(
					PageCodec.decode(vault.open(batch.keyId(), page.sealed(), context(batch.id(), page.number())))));
		return units;
	}

	/** Deletes the batch and shreds its key: its units are unreadable everywhere, backups included. */
	void forget(MemoryBatch batch) {
		jdbc.sql("delete from translation.memory_batch where id = ?").param(batch.id()).update();
		vault.shred(batch.keyId());
	}

	private static String context(UUID batchId, int page) {
		return "translation.memory.page:" + batchId + ":" + page;
	}

	private static MemoryBatch batch(ResultSet rs, int row) throws SQLException {
		return new MemoryBatch(rs.getObject("id", UUID.class), MemoryBatch.Origin.valueOf(rs.getString("origin")),
				rs.getObject("task_id", UUID.class),
				new LanguagePair(rs.getString("source_language"), rs.getString("target_language")),
				rs.getObject("key_id", UUID.class), rs.getInt("unit_count"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}

	private record SealedPage(int number, byte[] sealed) {
	}

	/** Units and batches of one language pair. */
	record PairCount(LanguagePair pair, long units, long batches) {
	}

}
