package org.kinlink.media.processing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable job table: enqueueing is idempotent (one job per file, step and parameters); a node claims the
 * oldest ready job with FOR UPDATE SKIP LOCKED under a lease, so nodes share the work and a crashed node's
 * job is taken up again when its lease ends.
 */
@Component
public class JobQueue {

	static final int MAX_ATTEMPTS = 5;

	private final JdbcClient jdbc;

	private final Clock clock;

	JobQueue(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Queues a step for a file unless the same step with the same parameters was queued before. */
	@Transactional
	public void enqueue(UUID fileId, String step, String params) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into media.job (id, file_id, step, params, dedupe_key, state, run_after, created_at, updated_at)
				values (?, ?, ?, ?, ?, 'PENDING', ?, ?, ?) on conflict (dedupe_key) do nothing""")
			.params(UUID.randomUUID(), fileId, step, params, fileId + ":" + step + ":" + params, ts(now), ts(now), ts(now))
			.update();
	}

	/** Queues a step again even if it ran before (e.g. a new subtitled copy after the cues changed). */
	@Transactional
	public void requeue(UUID fileId, String step, String params) {
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				update media.job set state = 'PENDING', attempts = 0, run_after = ?, locked_by = null,
				locked_until = null, last_error = null, updated_at = ? where dedupe_key = ? and state <> 'RUNNING'""")
			.params(ts(now), ts(now), fileId + ":" + step + ":" + params)
			.update();
		if (updated == 0) {
			enqueue(fileId, step, params);
		}
	}

	@Transactional
	Optional<Job> claim(String node, Duration lease) {
		Instant now = clock.instant();
		Optional<Job> job = jdbc.sql("""
				select id, file_id, step, params, attempts from media.job
				where (state = 'PENDING' and run_after <= ?) or (state = 'RUNNING' and locked_until < ?)
				order by run_after limit 1 for update skip locked""")
			.params(ts(now), ts(now))
			.query((rs, n) -> new Job(rs.getObject("id", UUID.class), rs.getObject("file_id", UUID.class),
					rs.getString("step"), rs.getString("params"), rs.getInt("attempts") + 1))
			.optional();
		job.ifPresent(claimed -> jdbc.sql("""
				update media.job set state = 'RUNNING', attempts = attempts + 1, locked_by = ?, locked_until = ?,
				updated_at = ? where id = ?""")
			.params(node, ts(now.plus(lease)), ts(now), claimed.id())
			.update());
		return job;
	}

	/** Keeps the job this node runs from being claimed by another for {@code lease} more; false if it was lost. */
	@Transactional
	boolean extend(Job job, String node, Duration lease) {
		return jdbc.sql("update media.job set locked_until = ? where id = ? and locked_by = ? and state = 'RUNNING'")
			.params(ts(clock.instant().plus(lease)), job.id(), node)
			.update() == 1;
	}

	/** Marks the job done (only if this node still holds it) and queues what follows; false if the lease was lost. */
	@Transactional
	boolean complete(Job job, String node, List<StepOutcome.Next> next) {
		int updated = jdbc.sql("""
				update media.job set state = 'DONE', locked_by = null, locked_until = null, last_error = null,
				updated_at = ? where id = ? and locked_by = ? and state = 'RUNNING'""")
			.params(ts(clock.instant()), job.id(), node)
			.update();
		if (updated == 1) {
			next.forEach(step -> enqueue(job.fileId(), step.step(), step.params()));
		}
		return updated == 1;
	}

	/** Retries later with exponential back-off, or gives up after {@link #MAX_ATTEMPTS}; true when given up. */
	@Transactional
	boolean failed(Job job, String node, String errorCode) {
		boolean giveUp = job.attempt() >= MAX_ATTEMPTS;
		Instant now = clock.instant();
		Duration backOff = Duration.ofSeconds(Math.min(3600, (long) Math.pow(4, job.attempt())));
		jdbc.sql("""
				update media.job set state = ?, run_after = ?, locked_by = null, locked_until = null, last_error = ?,
				updated_at = ? where id = ? and locked_by = ?""")
			.params(giveUp ? "FAILED" : "PENDING", ts(now.plus(backOff)), errorCode, ts(now), job.id(), node)
			.update();
		return giveUp;
	}

	/** A refused file: this job ends, and so does every other pending job of the file. */
	@Transactional
	void refused(Job job, String errorCode) {
		Instant now = clock.instant();
		jdbc.sql("update media.job set state = 'FAILED', locked_by = null, locked_until = null, last_error = ?, updated_at = ? where id = ?")
			.params(errorCode, ts(now), job.id())
			.update();
		jdbc.sql("update media.job set state = 'CANCELLED', updated_at = ? where file_id = ? and state = 'PENDING'")
			.params(ts(now), job.fileId())
			.update();
	}

	/** Jobs still to run or running for a file. */
	public int unfinished(UUID fileId) {
		return jdbc.sql("select count(*) from media.job where file_id = ? and state in ('PENDING', 'RUNNING')")
			.param(fileId)
			.query(Integer.class)
			.single();
	}

	/** The jobs of a file for the staff's progress view. */
	public List<JobView> jobs(UUID fileId) {
		return jdbc.sql("select step, state, attempts, last_error, updated_at from media.job where file_id = ? order by created_at")
			.param(fileId)
			.query((rs, n) -> new JobView(rs.getString("step"), rs.getString("state"), rs.getInt("attempts"),
					rs.getString("last_error"), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	/** One job as staff see it: step, state (PENDING, RUNNING, DONE, FAILED, CANCELLED), attempts, error code. */
	public record JobView(String step, String state, int attempts, String errorCode, Instant updatedAt) {
	}

	private static java.sql.Timestamp ts(Instant instant) {
		return java.sql.Timestamp.from(instant);
	}

}
