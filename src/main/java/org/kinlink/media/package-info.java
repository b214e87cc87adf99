/**
 * Files of family messages: resumable and plain uploads, type sniffing, metadata stripping, transcoding,
 * thumbnails, OCR, speech-to-text ports, subtitled copies, and the durable jobs that do the work.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "storage", "audit", "accounts", "retention" })
package org.kinlink.media;
