/**
 * Referrals to the authorities: the directory, packets as PDF with SHA-256 enclosure digests, second-person
 * approval for police and UN bodies (S14), dispatch by e-mail or by hand, acknowledgements and deadlines.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "storage", "audit", "messages", "translation", "accounts", "media", "retention" })
package org.kinlink.referrals;
