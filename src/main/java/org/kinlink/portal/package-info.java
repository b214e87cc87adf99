/**
 * The public family portal and its JSON API: letter submission, receipts (S1, S2), status and replies (S3),
 * with no account and nothing stored about the visitor (S4).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "storage", "audit", "messages" })
package org.kinlink.portal;
