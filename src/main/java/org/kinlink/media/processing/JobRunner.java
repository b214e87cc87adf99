package org.kinlink.media.processing;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kinlink.media.files.FileRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works the job table: claims a ready job, runs its step under the step's lease (renewed while it runs, so a
 * long transcode keeps its job and a crashed node's job is free again soon), records the outcome. A step
 * without a bean is skipped; a refused file is quarantined; other failures are retried with back-off, and an
 * essential step that keeps failing quarantines the file. Logs carry ids and error classes only, never content.
 */
@Component
class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final JobQueue queue;

	private final FileRecords files;

	private final Map<String, ProcessingStep> steps;

	private final String node = "node-" + UUID.randomUUID();

	private final boolean enabled;

	/** Zero: each step's own lease; otherwise the lease of every job (kinlink.media.jobs.lease). */
	private final java.time.Duration leaseOverride;

	private final java.util.concurrent.ScheduledExecutorService heartbeat = java.util.concurrent.Executors
		.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "media-job-lease");
			thread.setDaemon(true);
			return thread;
		});

	JobRunner(JobQueue queue, FileRecords files, java.util.List<ProcessingStep> steps,
			@Value("${kinlink.media.jobs.enabled:true}") boolean enabled,
			@Value("${kinlink.media.jobs.lease:PT0S}") java.time.Duration leaseOverride) {
		this.queue = queue;
		this.leaseOverride = leaseOverride;
		this.files = files;
		this.steps = steps.stream().collect(Collectors.toMap(ProcessingStep::name, Function.identity()));
		this.enabled = enabled;
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		heartbeat.shutdownNow();
	}

	@Scheduled(initialDelayString = "${kinlink.media.jobs.initial-delay:PT5S}", fixedDelayString = "${kinlink.media.jobs.poll:PT1S}")
	void poll() {
		if (!enabled) {
			return;
		}
		while (runOne()) {
			// keep going while there is work
		}
	}

	/** Claims and runs one job; false when there was none ready. */
	boolean runOne() {
		// The claim's lease is shortened to the step's right away; a configured lease bounds how long a job
		// claimed by a node that was killed waits before another node (or the restarted one) takes it over.
		Optional<Job> claimed = queue.claim(node, leaseOverride.isZero() ? java.time.Duration.ofMinutes(10) : leaseOverride);
		if (claimed.isEmpty()) {
			return false;
		}
		Job job = claimed.get();
		ProcessingStep step = steps.get(job.step());
		files.processing(job.fileId());
		if (step == null) {
			queue.complete(job, node, java.util.List.of());
		}
		else {
			run(job, step);
		}
		files.readyIfDone(job.fileId());
		return true;
	}

	private void run(Job job, ProcessingStep step) {
		java.time.Duration lease = leaseOverride.isZero() ? step.lease() : leaseOverride;
		queue.extend(job, node, lease);
		long every = Math.max(1, lease.toSeconds() / 3);
		java.util.concurrent.ScheduledFuture<?> renewing = heartbeat.scheduleAtFixedRate(() -> {
			try {
				queue.extend(job, node, lease);
			}
			catch (RuntimeException ex) {
				log.warn("Lease of job {} could not be renewed: {}", job.id(), ex.getClass().getName());
			}
		}, every, every, java.util.concurrent.TimeUnit.SECONDS);
		try {
			attempt(job, step);
		}
		finally {
			renewing.cancel(false);
		}
	}

	private void attempt(Job job, ProcessingStep step) {
		try {
			StepOutcome outcome = step.run(job);
			if (!queue.complete(job, node, outcome.next())) {
				log.warn("Job {} ({}) finished after its lease was taken over", job.id(), job.step());
			}
		}
		catch (FileRefusedException ex) {
			queue.refused(job, ex.problemKey());
			files.quarantine(job.fileId(), ex.problemKey());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			queue.failed(job, node, ex.getClass().getSimpleName());
		}
		catch (Exception ex) {
			log.warn("Job {} ({}) attempt {} failed: {}", job.id(), job.step(), job.attempt(), ex.getClass().getName());
			if (queue.failed(job, node, ex.getClass().getSimpleName()) && step.essential()) {
				files.quarantine(job.fileId(), "media.problem.processingFailed");
			}
		}
	}

}
