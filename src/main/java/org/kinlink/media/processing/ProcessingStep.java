package org.kinlink.media.processing;

/**
 * One step of the processing pipeline (a Spring bean; {@link JobRunner} finds it by {@link #name()}). A step
 * must be idempotent: a crash or a lost lease runs it again for the same job. It runs outside any transaction.
 */
public interface ProcessingStep {

	String name();

	/**
	 * Does the work for the job's file and says what comes next. Throw {@link FileRefusedException} when the
	 * file itself is unacceptable (it is quarantined, no retry); any other exception is retried with back-off.
	 */
	StepOutcome run(Job job) throws Exception;

	/** Whether the file is quarantined when this step keeps failing (true for the steps that make the working copy). */
	default boolean essential() {
		return true;
	}

	/**
	 * How long the job stays this node's without news: the runner renews the lease while the step runs, so
	 * this is how soon another node takes the job up after this one died, not a limit on the step's length.
	 */
	default java.time.Duration lease() {
		return java.time.Duration.ofMinutes(5);
	}

}
