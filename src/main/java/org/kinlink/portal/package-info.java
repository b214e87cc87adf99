/**
 * The public family portal and its JSON API: letter submission with files (S19: the receipt only once every
 * file is attached), receipts (S1, S2), status and replies (S3), with no account and nothing stored about the
 * visitor (S4); tracing requests, whose answer follows the found person's decision (S15).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "storage", "audit", "messages", "media", "tracing" })
package org.kinlink.portal;
