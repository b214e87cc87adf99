package org.kinlink.tracing.requests;

/** Where a tracing request came from: the family through the portal, or staff entering it for them. */
enum TracingSource {
	PORTAL, STAFF
}
