package org.kinlink.translation.tasks;

/**
 * The provenance of a target as it is stored: the kind, the memory score (0 to 100) and the engine's name,
 * where they apply.
 */
public record TargetOrigin(Provenance provenance, Integer score, String label) {

	public static final TargetOrigin TYPED = new TargetOrigin(Provenance.TYPED, null, null);

	static final TargetOrigin REVIEWER = new TargetOrigin(Provenance.REVIEWER, null, null);

	/** The provenance of a target taken unchanged from a suggestion. */
	public static TargetOrigin of(Suggestion suggestion) {
		Provenance provenance = Provenance.of(suggestion.origin());
		return new TargetOrigin(provenance, provenance == Provenance.MEMORY ? suggestion.score() : null,
				provenance == Provenance.MACHINE ? suggestion.label() : null);
	}

}
