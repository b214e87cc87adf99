package org.kinlink.translation.tasks;

import org.kinlink.shared.web.IllegalTransitionException;

/** A segment changed (in another tab, or by someone else) since the page that saves it was opened: 409. */
public class SegmentChangedException extends IllegalTransitionException {

	public SegmentChangedException() {
		super("translation.error.segmentChanged");
	}

}
