package org.kinlink.messages.vetting;

/** A run of a letter's text, flagged or not, so a page can highlight flags while escaping everything. */
public record TextPart(String text, VettingFlag.Kind flag) {

	public boolean flagged() {
		return flag != null;
	}

}
