package org.kinlink.translation.machine;

import java.util.List;

import org.kinlink.messages.vetting.Vetting;

/**
 * Decides which sentences may leave the organisation for an engine. RESTRICTED data (where someone lives, how
 * to reach them) must never reach an engine: a sentence in which the vetting patterns find a phone number, an
 * e-mail or web address, a social media handle or a street address is withheld, whole. Blank sentences are not
 * sent either. The port has no other way in: it only sends the segments of a translation task opened by its
 * own translator (see {@link MachineSuggestions}), and the translation module cannot reach case records at all.
 */
final class SegmentGuard {

	private SegmentGuard() {
	}

	/** Why a sentence stays home, or null when it may go. */
	static Reason withheld(String source) {
		if (source == null || source.isBlank()) {
			return Reason.EMPTY;
		}
		return Vetting.flags(source).isEmpty() ? null : Reason.CONTACT_DETAILS;
	}

	static boolean mayLeave(String source) {
		return withheld(source) == null;
	}

	/** The sentences that may go, as their indexes in the list. */
	static List<Integer> sendable(List<String> sources) {
		return java.util.stream.IntStream.range(0, sources.size()).filter(i -> mayLeave(sources.get(i))).boxed().toList();
	}

	enum Reason {
		EMPTY, CONTACT_DETAILS
	}

}
