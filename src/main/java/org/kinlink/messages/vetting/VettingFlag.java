package org.kinlink.messages.vetting;

/**
 * Something in a letter that could endanger someone if it reached the wrong reader: where it is (code unit
 * offsets into the text) and what it says.
 */
public record VettingFlag(Kind kind, int start, int end, String excerpt) {

	/** What kind of detail was found; each has a message key inbox.flag.KIND. */
	public enum Kind {
		PHONE, EMAIL, URL, HANDLE, ADDRESS
	}

	boolean overlaps(VettingFlag other) {
		return start < other.end && other.start < end;
	}

}
