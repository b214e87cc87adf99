package org.kinlink.referrals.workflow;

/** How a packet left the association: by e-mail with the PDF attached, or handed over in person. */
public enum DispatchChannel {
	EMAIL, BY_HAND
}
