/**
 * Uploads of the family portal: resumable (tus 1.0) and plain form uploads, streamed through encryption into
 * parts, leased across nodes, and removed when they expire unclaimed.
 */
package org.kinlink.media.uploads;
