package org.kinlink.media;

import java.io.InputStream;
import java.util.UUID;

/**
 * Takes a file from a plain form (no JavaScript), streaming it through encryption into a finished upload
 * that a letter can then {@link MediaFiles#attach attach}.
 */
public interface UploadReceiver {

	/**
	 * Stores the bytes as one finished upload. Throws {@link UploadTooLargeException} (and keeps nothing) when
	 * the stream goes past the plain-form limit.
	 * @param fileName as the browser sent it; sealed, shown to staff only, never used to store anything
	 */
	UUID receive(InputStream bytes, String fileName);

}
