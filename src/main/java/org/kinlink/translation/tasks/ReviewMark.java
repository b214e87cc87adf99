package org.kinlink.translation.tasks;

/** The reviewer's mark on one segment: accepted as it is, or queried (with a note for the translator). */
public enum ReviewMark {

	ACCEPTED, QUERIED

}
