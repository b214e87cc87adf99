package org.kinlink.cases.employment;

/** What the person does for a living in a period. */
public enum EmploymentKind {
	EMPLOYED, SELF_EMPLOYED, TRAINING, UNEMPLOYED
}
