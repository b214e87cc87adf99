/**
 * Translation of family messages: segments, the side-by-side editor, review and approval (the reviewer is
 * never the translator), Albanian and English targets, Albanian through English as a pivot.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "storage", "audit", "messages", "messages :: vetting", "accounts", "media", "people", "retention" })
package org.kinlink.translation;
