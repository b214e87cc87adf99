package org.kinlink.referrals.directory;

/** What sort of body an authority is; police and UN bodies need a second person's approval (S14). */
public enum AuthorityKind {

	POLICE, MINISTRY, UN_BODY, EMBASSY, INTERNATIONAL_BODY, OTHER;

	public boolean needsSecondApproval() {
		return this == POLICE || this == UN_BODY;
	}

}
