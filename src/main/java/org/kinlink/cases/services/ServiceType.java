package org.kinlink.cases.services;

/** What kind of help a service gives. */
public enum ServiceType {
	HOUSING, EMPLOYMENT, INCOME, HEALTH, LEGAL_STATUS, ASYLUM, DOCUMENTS, LANGUAGE_CLASSES, PSYCHOSOCIAL
}
