package org.kinlink.media.processing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kinlink.media.files.FileRecords;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The lease a job is claimed and renewed with (S19): a node killed with SIGKILL renews nothing, so its jobs
 * go back to the queue once the lease ends; kinlink.media.jobs.lease bounds that wait for every step.
 */
class JobLeaseTests {

	private final JobQueue queue = mock(JobQueue.class);

	private final Job job = new Job(UUID.randomUUID(), UUID.randomUUID(), "quick", "", 1);

	private final ProcessingStep step = new ProcessingStep() {

		@Override
		public String name() {
			return "quick";
		}

		@Override
		public StepOutcome run(Job claimed) {
			return StepOutcome.done();
		}

	};

	@Test
	void aConfiguredLeaseIsTheLeaseOfTheClaimAndOfItsRenewals() {
		when(queue.claim(anyString(), any())).thenReturn(Optional.of(job));
		new JobRunner(queue, mock(FileRecords.class), List.of(step), true, Duration.ofSeconds(6)).runOne();
		verify(queue).claim(anyString(), eq(Duration.ofSeconds(6)));
		verify(queue).extend(eq(job), anyString(), eq(Duration.ofSeconds(6)));
	}

	@Test
	void withoutAConfiguredLeaseEachStepKeepsItsOwn() {
		when(queue.claim(anyString(), any())).thenReturn(Optional.of(job));
		new JobRunner(queue, mock(FileRecords.class), List.of(step), true, Duration.ZERO).runOne();
		verify(queue).extend(eq(job), anyString(), eq(Duration.ofMinutes(5)));
	}

}
