package org.kinlink.media;

import java.util.List;
import java.util.UUID;

/** The media module's API for the portal, the inbox, translation and referrals. */
public interface MediaFiles {

	/**
	 * Binds finished uploads to a new message, in the caller's transaction, and queues their processing.
	 * Refuses with {@link UploadsNotReadyException} any upload that is unknown, unfinished, expired or already
	 * used, so a receipt is only given when every file is durable (S19).
	 * @return the ids of the new files, in the order of the uploads
	 */
	List<UUID> attach(UUID messageId, List<UUID> uploadIds);

	/** The files of a message, oldest first (no content, no names). */
	List<MediaFile> forMessage(UUID messageId);

	/** One file; {@code RecordNotFoundException} if unknown. */
	MediaFile file(UUID fileId);

	/**
	 * The plaintext of one rendition, for streaming with range requests. The caller checks who may see it
	 * and audits the read. {@code RecordNotFoundException} if the file has no such rendition.
	 */
	MediaContent content(UUID fileId, Rendition rendition);

}
