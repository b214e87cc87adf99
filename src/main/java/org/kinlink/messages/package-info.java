/**
 * Family messages: intake, triage and vetting, the message lifecycle from RECEIVED to ACKNOWLEDGED, staff
 * replies. Its root package is its API; downstream modules report progress through {@link
 * org.kinlink.messages.MessageProgress}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "storage", "audit", "people", "accounts", "media", "retention" })
package org.kinlink.messages;
