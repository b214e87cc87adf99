package org.kinlink.media.processing;

import java.util.List;

/** What a step asks for after it succeeded: the steps to queue next (idempotently). */
public record StepOutcome(List<Next> next) {

	public static StepOutcome done() {
		return new StepOutcome(List.of());
	}

	public static StepOutcome then(String step) {
		return new StepOutcome(List.of(new Next(step, "")));
	}

	public static StepOutcome then(String... steps) {
		return new StepOutcome(java.util.Arrays.stream(steps).map(step -> new Next(step, "")).toList());
	}

	/** A step to queue, with its parameters. */
	public record Next(String step, String params) {
	}

}
