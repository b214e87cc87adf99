package org.kinlink.audit;

/** The result of walking the audit chain: how many entries were checked and the first broken one, if any. */
public record ChainVerification(long checked, Long firstBrokenSequence) {

	public boolean intact() {
		return firstBrokenSequence == null;
	}

}
