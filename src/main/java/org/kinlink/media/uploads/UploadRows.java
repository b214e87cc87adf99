package org.kinlink.media.uploads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The media.upload and media.upload_part rows: an upload, the encrypted parts its requests brought, and the
 * lease that lets one node at a time append to it.
 */
@Repository
class UploadRows {

	private final JdbcClient jdbc;

	UploadRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID keyId, Long declaredLength, byte[] sealedName, Instant now, Instant expiresAt) {
		jdbc.sql("""
				insert into media.upload (id, key_id, declared_length, sealed_name, created_at, expires_at, completed_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, keyId, declaredLength, sealedName, ts(now), ts(expiresAt),
					declaredLength != null && declaredLength == 0 ? ts(now) : null)
			.update();
	}

	/** An upload that is open to the tus protocol: not claimed by a letter and not expired. */
	Optional<Upload> findOpen(UUID id, Instant now) {
		return jdbc.sql("""
				select id, key_id, declared_length, received, expires_at, completed_at from media.upload
				where id = ? and claimed_at is null and expires_at > ?""")
			.params(id, ts(now))
			.query((rs, n) -> upload(rs))
			.optional();
	}

	boolean exists(UUID id) {
		return jdbc.sql("select exists (select 1 from media.upload where id = ?)").param(id).query(Boolean.class).single();
	}

	void declareLength(UUID id, long length, Instant now) {
		jdbc.sql("""
				update media.upload set declared_length = ?, completed_at = case when received = ? then cast(? as timestamptz) end
				where id = ? and declared_length is null""")
			.params(length, length, ts(now), id)
			.update();
	}

	void extend(UUID id, Instant expiresAt) {
		jdbc.sql("update media.upload set expires_at = ? where id = ? and completed_at is null and claimed_at is null")
			.params(ts(expiresAt), id)
			.update();
	}

	/** Records a committed part and moves the offset; the upload is complete when the offset reaches its length. */
	void addPart(UUID id, UUID blobId, long length, Instant now) {
		jdbc.sql("""
				insert into media.upload_part (upload_id, seq, blob_id, length)
				values (?, (select coalesce(max(seq), 0) + 1 from media.upload_part where upload_id = ?), ?, ?)""")
			.params(id, id, blobId, length)
			.update();
		jdbc.sql("""
				update media.upload set received = received + ?,
				completed_at = case when declared_length = received + ? then cast(? as timestamptz) end where id = ?""")
			.params(length, length, ts(now), id)
			.update();
	}

	List<Part> parts(UUID id) {
		return jdbc.sql("select seq, blob_id, length from media.upload_part where upload_id = ? order by seq")
			.param(id)
			.query((rs, n) -> new Part(rs.getInt("seq"), rs.getObject("blob_id", UUID.class), rs.getLong("length")))
			.list();
	}

	void removePart(UUID id, Part part) {
		jdbc.sql("delete from media.upload_part where upload_id = ? and seq = ?").params(id, part.seq()).update();
		jdbc.sql("update media.upload set received = received - ?, completed_at = null where id = ?")
			.params(part.length(), id)
			.update();
	}

	/** Unclaimed uploads past their expiry whose lease is free, locked for this transaction (several nodes clean up). */
	List<Upload> lockExpired(Instant now, int limit) {
		return jdbc.sql("""
				select id, key_id, declared_length, received, expires_at, completed_at from media.upload
				where claimed_at is null and expires_at <= ? and (locked_until is null or locked_until < ?)
				order by expires_at limit ? for update skip locked""")
			.params(ts(now), ts(now), limit)
			.query((rs, n) -> upload(rs))
			.list();
	}

	/** Locks one unclaimed upload row for this transaction, or nothing if it is claimed or gone. */
	Optional<Upload> lockUnclaimed(UUID id) {
		return jdbc.sql("""
				select id, key_id, declared_length, received, expires_at, completed_at from media.upload
				where id = ? and claimed_at is null for update""")
			.param(id)
			.query((rs, n) -> upload(rs))
			.optional();
	}

	void delete(UUID id) {
		jdbc.sql("delete from media.upload where id = ? and claimed_at is null").param(id).update();
	}

	boolean takeLease(UUID id, String owner, Instant now, Instant until) {
		return jdbc.sql("""
				update media.upload set lock_owner = ?, locked_until = ?
				where id = ? and (locked_until is null or locked_until < ? or lock_owner = ?)""")
			.params(owner, ts(until), id, ts(now), owner)
			.update() == 1;
	}

	void renewLease(UUID id, String owner, Instant until) {
		jdbc.sql("update media.upload set locked_until = ? where id = ? and lock_owner = ?").params(ts(until), id, owner).update();
	}

	void releaseLease(UUID id, String owner) {
		jdbc.sql("update media.upload set lock_owner = null, locked_until = null where id = ? and lock_owner = ?")
			.params(id, owner)
			.update();
	}

	boolean leased(UUID id, Instant now) {
		return jdbc.sql("select exists (select 1 from media.upload where id = ? and locked_until >= ?)")
			.params(id, ts(now))
			.query(Boolean.class)
			.single();
	}

	int clearStaleLeases(Instant now) {
		return jdbc.sql("update media.upload set lock_owner = null, locked_until = null where locked_until < ?")
			.param(ts(now))
			.update();
	}

	private static Upload upload(ResultSet rs) throws SQLException {
		Timestamp completed = rs.getTimestamp("completed_at");
		return new Upload(rs.getObject("id", UUID.class), rs.getObject("key_id", UUID.class),
				(Long) rs.getObject("declared_length"), rs.getLong("received"), rs.getTimestamp("expires_at").toInstant(),
				completed == null ? null : completed.toInstant());
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	/** An upload row without its lease. */
	record Upload(UUID id, UUID keyId, Long declaredLength, long received, Instant expiresAt, Instant completedAt) {

		boolean complete() {
			return completedAt != null;
		}

	}

	/** One encrypted part: what one request brought. */
	record Part(int seq, UUID blobId, long length) {
	}

}
